using Microsoft.Extensions.Options;
using Portal.Aws.Configuration;
using Portal.Core.Identity;

namespace Portal.Aws.Credentials;

/// <summary>Persona roles from <c>Cloud:Roles:&lt;Persona&gt;</c> (case-insensitive persona names).</summary>
internal sealed class ConfiguredPersonaRoleDirectory : IPersonaRoleDirectory
{
    private readonly IOptionsMonitor<AwsOptions> _options;

    public ConfiguredPersonaRoleDirectory(IOptionsMonitor<AwsOptions> options) => _options = options;

    public string? FindRoleArn(string persona) =>
        _options.CurrentValue.Roles.TryGetValue(persona, out var arn) && !string.IsNullOrWhiteSpace(arn) ? arn : null;
}
