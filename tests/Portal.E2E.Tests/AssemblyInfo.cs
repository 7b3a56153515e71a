using Portal.E2E.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(PortalServer))]
