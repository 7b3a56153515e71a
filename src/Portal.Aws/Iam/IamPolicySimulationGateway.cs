using Portal.Aws.Protocols;
using Portal.Core.Common;
using Portal.Core.Identity;
using Ops = Portal.Aws.Iam.IamOperations;

namespace Portal.Aws.Iam;

/// <summary>iam:SimulatePrincipalPolicy, all pages gathered.</summary>
internal sealed class IamPolicySimulationGateway : IPolicySimulationGateway
{
    private readonly AwsQueryProtocolClient _client;

    public IamPolicySimulationGateway(AwsQueryProtocolClient client) => _client = client;

    public async Task<Result<IReadOnlyList<PolicySimulationResult>>> SimulateAsync(ActingIdentity identity, PolicySimulationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Actions.Count == 0)
        {
            return Error.Validation("NoActions", "Name at least one action to simulate.", nameof(request));
        }

        var results = new List<PolicySimulationResult>();
        try
        {
            await foreach (var result in AwsPager.EnumerateAsync(
                (marker, ct) => _client.SendAsync(Ops.SimulatePrincipalPolicy, ToWire(request, marker), identity, ct),
                page => page.EvaluationResults?.Select(ToResult),
                page => page.IsTruncated ? page.Marker : null,
                cancellationToken).ConfigureAwait(false))
            {
                results.Add(result);
            }
        }
        catch (GatewayException ex)
        {
            return ex.Error;
        }

        return results;
    }

    private static IamSimulatePrincipalPolicyRequest ToWire(PolicySimulationRequest request, string? marker) => new()
    {
        PolicySourceArn = request.PrincipalArn,
        ActionNames = request.Actions,
        ResourceArns = request.ResourceArns is { Count: > 0 } resources ? resources : null,
        ContextEntries = request.Context is { Count: > 0 } context
            ? context.Select(c => new IamContextEntry { ContextKeyName = c.Key, ContextKeyType = c.Type, ContextKeyValues = c.Values }).ToList()
            : null,
        Marker = marker,
    };

    private static PolicySimulationResult ToResult(IamEvaluationResult r) => new(
        r.EvalActionName ?? string.Empty,
        r.EvalResourceName ?? "*",
        r.EvalDecision ?? "implicitDeny",
        r.MatchedStatements?.Select(s => s.SourcePolicyId ?? string.Empty).ToList() ?? [],
        r.MissingContextValues ?? []);
}
