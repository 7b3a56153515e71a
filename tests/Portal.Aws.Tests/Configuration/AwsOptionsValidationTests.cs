using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Aws.Configuration;

namespace Portal.Aws.Tests.Configuration;

/// <summary>Bad configuration is refused with a message naming the setting.</summary>
public sealed class AwsOptionsValidationTests
{
    [Theory]
    [InlineData("Cloud:Mode", "Azure", "Cloud:Mode")]
    [InlineData("Cloud:Region", "Ireland", "Cloud:Region")]
    [InlineData("Cloud:ServiceUrl", "ftp://127.0.0.1/", "Cloud:ServiceUrl")]
    [InlineData("Cloud:Endpoints:lambda", "http://127.0.0.1:1", "Cloud:Endpoints:lambda")]
    [InlineData("Cloud:AccessKeyId", "AKIA1", "Cloud:AccessKeyId")]
    [InlineData("Cloud:RoleSessionDurationSeconds", "60", "RoleSessionDurationSeconds")]
    [InlineData("Cloud:Roles:PlatformEngineer", "platform-role", "Cloud:Roles:PlatformEngineer")]
    [InlineData("Cloud:Retry:AttemptTimeout", "00:00:00.001", "AttemptTimeout")]
    public void Invalid_settings_are_refused_naming_the_setting(string key, string value, string named)
    {
        using var provider = Build(new Dictionary<string, string?> { ["Cloud:ServiceUrl"] = "http://127.0.0.1:4566", [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AwsOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_local_cloud_in_us_east_1_with_three_attempts()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Cloud:ServiceUrl"] = "http://127.0.0.1:4566" });

        var options = provider.GetRequiredService<IOptions<AwsOptions>>().Value;

        Assert.True(options.IsLocalCloud);
        Assert.Equal("us-east-1", options.Region);
        Assert.Equal(2, options.Retry.MaxRetries);
    }

    [Fact]
    public void Persona_roles_are_found_by_persona_name_in_any_case()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Cloud:ServiceUrl"] = "http://127.0.0.1:4566",
            ["Cloud:Roles:PlatformEngineer"] = "arn:aws:iam::000000000000:role/portal-platform-engineer",
        });
        var roles = provider.GetRequiredService<Portal.Core.Identity.IPersonaRoleDirectory>();

        Assert.Equal("arn:aws:iam::000000000000:role/portal-platform-engineer", roles.FindRoleArn("platformengineer"));
        Assert.Null(roles.FindRoleArn("SecurityAuditor"));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalAws(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
