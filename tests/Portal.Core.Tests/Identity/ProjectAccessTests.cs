using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Tests.Identity;

public class ProjectAccessTests
{
    private static PortalUser User(PortalRole[] roles, string[]? projects = null, string[]? administered = null) =>
        new("u1", "User", roles.ToHashSet(), (projects ?? []).ToHashSet(), (administered ?? []).ToHashSet());

    [Fact]
    public void A_member_may_view_and_operate_but_not_administer_their_project()
    {
        var dana = User([PortalRole.DataScientist], ["credit-risk"]);

        Assert.True(ProjectAccess.CanView(dana, "credit-risk").IsSuccess);
        Assert.True(ProjectAccess.CanOperate(dana, "credit-risk").IsSuccess);
        Assert.Equal(ErrorKind.Denied, ProjectAccess.CanAdminister(dana, "credit-risk").Error!.Kind);
    }

    [Fact]
    public void A_member_of_another_project_is_denied_everything_with_a_clear_message()
    {
        var sam = User([PortalRole.DataScientist], ["fraud-detection"]);

        var view = ProjectAccess.CanView(sam, "credit-risk");

        Assert.Equal(ErrorKind.Denied, view.Error!.Kind);
        Assert.Equal("u1 may not view project 'credit-risk'.", view.Error.Message);
        Assert.False(ProjectAccess.CanOperate(sam, "credit-risk").IsSuccess);
    }

    [Fact]
    public void The_auditor_views_every_project_and_operates_none()
    {
        var avery = User([PortalRole.SecurityAuditor]);

        Assert.True(ProjectAccess.CanView(avery, "anything").IsSuccess);
        Assert.False(ProjectAccess.CanOperate(avery, "anything").IsSuccess);
        Assert.False(ProjectAccess.CanAdminister(avery, "anything").IsSuccess);
    }

    [Fact]
    public void Administering_needs_both_the_role_and_the_project()
    {
        Assert.True(ProjectAccess.CanAdminister(User([PortalRole.DataScienceAdmin], administered: ["churn"]), "churn").IsSuccess);
        Assert.False(ProjectAccess.CanAdminister(User([PortalRole.DataScienceAdmin], administered: ["churn"]), "credit-risk").IsSuccess);
        Assert.False(ProjectAccess.CanAdminister(User([PortalRole.DataScientist], administered: ["churn"]), "churn").IsSuccess);
    }

    [Fact]
    public void A_project_claim_without_the_data_scientist_role_grants_nothing()
    {
        var odd = User([PortalRole.PlatformEngineer], ["credit-risk"]);

        Assert.False(ProjectAccess.CanView(odd, "credit-risk").IsSuccess);
    }
}
