using Portal.LocalCloud.Tests.Hosting;

[assembly: AssemblyFixture(typeof(LocalCloudFixture))]
