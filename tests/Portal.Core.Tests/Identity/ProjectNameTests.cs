using Portal.Core.Projects;

namespace Portal.Core.Tests.Identity;

public class ProjectNameTests
{
    [Theory]
    [InlineData("credit-risk", true)]
    [InlineData("abc", true)]
    [InlineData("a12345678901234567", true)]
    [InlineData("a123456789012345678", false)]
    [InlineData("ab", false)]
    [InlineData("1abc", false)]
    [InlineData("abc-", false)]
    [InlineData("Credit", false)]
    [InlineData("credit_risk", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Project_names_follow_the_aws_derived_rule(string? value, bool valid)
    {
        var result = ProjectName.Create(value);

        Assert.Equal(valid, result.IsSuccess);
        if (!valid)
        {
            Assert.Equal("InvalidProjectName", result.Error!.Code);
        }
    }
}
