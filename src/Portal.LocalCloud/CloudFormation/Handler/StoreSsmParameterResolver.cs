using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.CloudFormation.Handler;

/// <summary>Resolves <c>AWS::SSM::Parameter::Value&lt;…&gt;</c> parameters from the SSM store of the stack's account and Region.</summary>
public sealed class StoreSsmParameterResolver : ISsmParameterResolver
{
    private readonly CloudStateHolder _holder;
    private readonly string _accountId;
    private readonly string _region;

    public StoreSsmParameterResolver(CloudStateHolder holder, string accountId, string region)
    {
        _holder = holder;
        _accountId = accountId;
        _region = region;
    }

    public ValueTask<string?> GetParameterValueAsync(string name, CancellationToken cancellationToken)
    {
        lock (_holder.Gate)
        {
            var ssm = _holder.State.Account(_accountId).Region(_region).Ssm;
            return ValueTask.FromResult(ssm.TryGet(name, out var parameter) ? parameter?.Value : null);
        }
    }
}
