using Portal.Core.Identity;

namespace Portal.Core.Tests.Identity;

public class GroupMapperTests
{
    private static readonly GroupMapper Mapper = new(new GroupMappingRules(new Dictionary<PortalRole, IReadOnlyList<string>>
    {
        [PortalRole.PlatformEngineer] = ["cloud-platform"],
        [PortalRole.SecurityAuditor] = ["security-audit", "soc"],
        [PortalRole.DataScienceAdmin] = [],
        [PortalRole.DataScientist] = [],
    }));

    [Fact]
    public void Role_groups_grant_roles_case_insensitively()
    {
        var user = Mapper.Map("kim", "Kim", ["Cloud-Platform", "SOC"]);

        Assert.Equal(new HashSet<PortalRole> { PortalRole.PlatformEngineer, PortalRole.SecurityAuditor }, user.Roles);
        Assert.Empty(user.Projects);
    }

    [Fact]
    public void A_project_users_group_grants_the_data_scientist_role_in_that_project_only()
    {
        var user = Mapper.Map("dana", "Dana", ["ds-credit-risk-users"]);

        Assert.Equal([PortalRole.DataScientist], user.Roles);
        Assert.True(user.IsMemberOf("credit-risk"));
        Assert.False(user.IsMemberOf("fraud-detection"));
        Assert.False(user.Administers("credit-risk"));
    }

    [Fact]
    public void A_project_admins_group_grants_administration_of_that_project()
    {
        var user = Mapper.Map("ada", "Ada", ["ds-credit-risk-admins"]);

        Assert.Equal([PortalRole.DataScienceAdmin], user.Roles);
        Assert.True(user.Administers("credit-risk"));
        Assert.False(user.IsMemberOf("credit-risk"));
    }

    [Theory]
    [InlineData("ds--users")]
    [InlineData("ds-Bad_Name-users")]
    [InlineData("ds-x-users")]
    [InlineData("ds-a-project-name-far-too-long-users")]
    [InlineData("xds-credit-risk-users")]
    public void Groups_naming_no_valid_project_grant_nothing(string group)
    {
        var user = Mapper.Map("eve", "Eve", [group]);

        Assert.Empty(user.Roles);
        Assert.Empty(user.Projects);
    }

    [Fact]
    public void Custom_templates_are_honoured()
    {
        var mapper = new GroupMapper(new GroupMappingRules(new Dictionary<PortalRole, IReadOnlyList<string>>(), "sg_{project}_ds", "sg_{project}_owners"));

        var user = mapper.Map("li", "Li", ["sg_churn_ds", "sg_churn_owners"]);

        Assert.True(user.IsMemberOf("churn"));
        Assert.True(user.Administers("churn"));
    }

    [Fact]
    public void A_template_without_the_project_placeholder_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new GroupMapper(new GroupMappingRules(new Dictionary<PortalRole, IReadOnlyList<string>>(), "ds-users")));
    }

    [Fact]
    public void An_empty_name_falls_back_to_the_login()
    {
        Assert.Equal("kim", Mapper.Map("kim", " ", []).Name);
    }
}
