namespace Portal.LocalCloud.SageMaker;

public sealed class SageMakerStore
{
}
