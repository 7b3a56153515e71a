namespace Portal.Aws.Tests.Behaviour;

/// <summary>The behaviour tests share one LocalCloud and run one after another (they change its state).</summary>
[CollectionDefinition(nameof(LocalCloudCollection))]
public sealed class LocalCloudCollection : ICollectionFixture<LocalCloudBehaviourFixture>
{
}
