using Portal.LocalCloud.ServiceCatalog;

namespace Portal.LocalCloud.Tests.Hosting;

/// <summary>A provisioning engine fake: succeeds (or fails) every request with the given outputs and records what it saw.</summary>
public sealed class ScriptedProvisioningEngine : IProvisioningEngine
{
    public List<ProvisioningRequest> Started { get; } = [];

    public bool Fail { get; set; }

    public ProvisioningOutcome Start(ProvisioningRequest request)
    {
        Started.Add(request);
        return Fail
            ? new ProvisioningOutcome { State = ProvisioningState.Failed, Errors = [new ScRecordError("CREATE_FAILED", "Resource Notebook failed")] }
            : new ProvisioningOutcome
            {
                State = ProvisioningState.Succeeded,
                PhysicalId = $"arn:aws:cloudformation:{request.Region}:{request.AccountId}:stack/SC-{request.ProvisionedProduct.Id}/1",
                Outputs = [new ScOutput("NotebookUrl", "https://" + request.Parameters["ProjectName"] + ".notebook", "Open the notebook")],
            };
    }

    public ProvisioningOutcome Poll(ProvisioningRequest request) => ProvisioningOutcome.InProgress;
}
