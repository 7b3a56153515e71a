using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

public class ProvisioningStatusTests
{
    [Theory]
    [InlineData(null, "CREATED", "UNDER_CHANGE")]
    [InlineData("CREATE_IN_PROGRESS", "IN_PROGRESS", "UNDER_CHANGE")]
    [InlineData("ROLLBACK_IN_PROGRESS", "IN_PROGRESS_IN_ERROR", "UNDER_CHANGE")]
    [InlineData("CREATE_COMPLETE", "SUCCEEDED", "AVAILABLE")]
    [InlineData("UPDATE_COMPLETE", "SUCCEEDED", "AVAILABLE")]
    [InlineData("ROLLBACK_COMPLETE", "FAILED", "ERROR")]
    [InlineData("UPDATE_ROLLBACK_COMPLETE", "FAILED", "TAINTED")]
    [InlineData("DELETE_FAILED", "FAILED", "ERROR")]
    public void Backing_stack_statuses_map_to_record_and_product_statuses(string? stack, string record, string product) =>
        Assert.Equal(new ProvisioningStatus(record, product), ProvisioningStatus.FromStackStatus(stack));
}
