using Portal.Core.Catalog;
using Portal.Core.Identity;
using Portal.Core.Parameters;
using Portal.Core.Provisioning;
using Portal.Core.Stacks;
using Portal.Core.Workloads;

namespace Portal.Aws.Tests;

/// <summary>AddPortalAws is the single entry point: every port Core defines for the cloud resolves from it.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public void Every_cloud_port_resolves_to_its_vendor_adapter()
    {
        using var host = AwsTestHost.Create();

        Assert.Equal("ServiceCatalogAdministrationGateway", host.Get<ICatalogAdministrationGateway>().GetType().Name);
        Assert.Equal("ServiceCatalogProductGateway", host.Get<IProductCatalogGateway>().GetType().Name);
        Assert.Equal("ServiceCatalogProvisioningGateway", host.Get<IProvisioningGateway>().GetType().Name);
        Assert.Equal("SageMakerNotebookGateway", host.Get<INotebookGateway>().GetType().Name);
        Assert.Equal("SageMakerTrainingJobGateway", host.Get<ITrainingJobGateway>().GetType().Name);
        Assert.Equal("SageMakerProcessingJobGateway", host.Get<IProcessingJobGateway>().GetType().Name);
        Assert.Equal("SageMakerModelEndpointGateway", host.Get<IModelEndpointGateway>().GetType().Name);
        Assert.Equal("SageMakerLineageGateway", host.Get<ILineageGateway>().GetType().Name);
        Assert.Equal("IamRoleGateway", host.Get<IRoleGateway>().GetType().Name);
        Assert.Equal("IamPolicySimulationGateway", host.Get<IPolicySimulationGateway>().GetType().Name);
        Assert.Equal("CloudFormationStackGateway", host.Get<IStackGateway>().GetType().Name);
        Assert.Equal("StsCallerIdentityGateway", host.Get<ICallerIdentityGateway>().GetType().Name);
        Assert.Equal("StsRoleSessionProvider", host.Get<IRoleSessionProvider>().GetType().Name);
        Assert.Equal("SsmParameterStore", host.Get<IParameterStore>().GetType().Name);
        Assert.Equal("S3TemplateStorage", host.Get<ITemplateStorage>().GetType().Name);
        Assert.Equal("Ec2NetworkGateway", host.Get<INetworkGateway>().GetType().Name);
        Assert.Equal("KmsEncryptionKeyGateway", host.Get<IEncryptionKeyGateway>().GetType().Name);
        Assert.Equal("ConfiguredPersonaRoleDirectory", host.Get<IPersonaRoleDirectory>().GetType().Name);
    }

    [Fact]
    public void No_aws_sdk_type_appears_in_a_core_port()
    {
        var coreTypes = typeof(IProvisioningGateway).Assembly.GetExportedTypes();
        var leaks = coreTypes
            .SelectMany(t => t.GetMethods().SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)).Concat(t.GetProperties().Select(p => p.PropertyType)))
            .SelectMany(Flatten)
            .Where(t => t.Namespace?.StartsWith("Amazon", StringComparison.Ordinal) == true)
            .Distinct()
            .ToList();

        Assert.Empty(leaks);
    }

    private static IEnumerable<Type> Flatten(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Flatten).Append(type) : [type];
}
