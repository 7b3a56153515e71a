using Amazon.SimpleSystemsManagement.Model;
using Portal.Aws.Configuration;
using Portal.Aws.Credentials;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Parameters;

namespace Portal.Aws.Sdk;

/// <summary>ssm:GetParameters by exact name, ten names per call (the service's limit), decrypted.</summary>
internal sealed class SsmParameterStore : IParameterStore
{
    private const int NamesPerCall = 10;

    private readonly IAwsCredentialSource _credentials;
    private readonly AwsSdkClientFactory _clients;

    public SsmParameterStore(IAwsCredentialSource credentials, AwsSdkClientFactory clients)
    {
        _credentials = credentials;
        _clients = clients;
    }

    public async Task<Result<ParameterLookup>> GetParametersAsync(ActingIdentity identity, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        var wanted = names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new ParameterLookup(new Dictionary<string, string>(), []);
        }

        var credentials = await _credentials.GetCredentialsAsync(identity, cancellationToken).ConfigureAwait(false);
        if (!credentials.IsSuccess)
        {
            return credentials.Error!;
        }

        using var ssm = _clients.CreateSsm(credentials.Value);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var batch in wanted.Chunk(NamesPerCall))
        {
            var page = await AwsSdkCalls.RunAsync(AwsService.Ssm, "GetParameters", () =>
                ssm.GetParametersAsync(new GetParametersRequest { Names = [.. batch], WithDecryption = true }, cancellationToken)).ConfigureAwait(false);
            if (!page.IsSuccess)
            {
                return page.Error!;
            }

            foreach (var parameter in page.Value.Parameters ?? [])
            {
                values[parameter.Name] = parameter.Value;
            }

            missing.AddRange(page.Value.InvalidParameters ?? []);
        }

        return new ParameterLookup(values, missing);
    }
}
