using Portal.LocalCloud.CloudFormation.Handler;
using Portal.LocalCloud.Ec2;
using Portal.LocalCloud.Kms;
using Portal.LocalCloud.SageMaker;
using Portal.LocalCloud.ServiceCatalog;
using Portal.LocalCloud.Ssm;

namespace Portal.LocalCloud.State;

/// <summary>The regional stores of one account.</summary>
public sealed class RegionState
{
    public KmsStore Kms { get; set; } = new();

    public SsmStore Ssm { get; set; } = new();

    public Ec2Store Ec2 { get; set; } = new();

    public ServiceCatalogStore ServiceCatalog { get; set; } = new();

    public SageMakerStore SageMaker { get; set; } = new();

    public CloudFormationRegionState CloudFormation { get; set; } = new();
}
