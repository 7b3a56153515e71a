using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.LocalCloud.Iam;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.Routing;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wire;

/// <summary>The seams the IAM policy evaluator plugs into: request authorization and SimulatePrincipalPolicy.</summary>
public sealed class PolicySeamTests
{
    private const string Trust = """{"Statement":[{"Effect":"Allow","Principal":{"AWS":"000000000000"},"Action":"sts:AssumeRole"}]}""";

    [Fact]
    public async Task A_registered_authorizer_denies_a_call_made_under_an_assumed_role_and_nothing_is_created()
    {
        await using var server = await LocalCloudServer.StartAsync(configure: s => s.AddSingleton<IRequestAuthorizer>(new DenyRootAccess()));
        using var admin = new AwsWireClient(server.Endpoint);
        await admin.QueryAsync("iam", "2010-05-08", "CreateRole", new Dictionary<string, string> { ["RoleName"] = "ds-user", ["AssumeRolePolicyDocument"] = Trust });
        var xml = await admin.QueryAsync("sts", "2011-06-15", "AssumeRole", new Dictionary<string, string> { ["RoleArn"] = "arn:aws:iam::000000000000:role/ds-user", ["RoleSessionName"] = "alice" });
        string Value(string name) => xml.Descendants().First(e => e.Name.LocalName == name).Value;
        using var user = new AwsWireClient(server.Endpoint, new Amazon.Runtime.SessionAWSCredentials(Value("AccessKeyId"), Value("SecretAccessKey"), Value("SessionToken")));
        var request = new JsonObject { ["NotebookInstanceName"] = "nb", ["InstanceType"] = "ml.t3.medium", ["RoleArn"] = "arn:aws:iam::000000000000:role/r", ["RootAccess"] = "Enabled" };

        var denied = await Assert.ThrowsAsync<AwsWireException>(() => user.SageMakerAsync("CreateNotebookInstance", (JsonObject)request.DeepClone()));
        var list = await admin.SageMakerAsync("ListNotebookInstances");

        Assert.Equal("AccessDeniedException", denied.Code);
        Assert.Empty(list["NotebookInstances"]!.AsArray());
    }

    [Fact]
    public async Task SimulatePrincipalPolicy_answers_from_a_registered_simulator_with_the_roles_documents()
    {
        var simulator = new RecordingSimulator();
        await using var server = await LocalCloudServer.StartAsync(configure: s => s.AddSingleton<IPolicySimulator>(simulator));
        using var iam = new AwsWireClient(server.Endpoint);
        await iam.QueryAsync("iam", "2010-05-08", "CreateRole", new Dictionary<string, string> { ["RoleName"] = "ds-user", ["AssumeRolePolicyDocument"] = Trust });
        await iam.QueryAsync("iam", "2010-05-08", "PutRolePolicy", new Dictionary<string, string> { ["RoleName"] = "ds-user", ["PolicyName"] = "deny", ["PolicyDocument"] = """{"Statement":[{"Sid":"d","Effect":"Deny","Action":"sagemaker:*","Resource":"*"}]}""" });

        var xml = await iam.QueryAsync("iam", "2010-05-08", "SimulatePrincipalPolicy", new Dictionary<string, string>
        {
            ["PolicySourceArn"] = "arn:aws:iam::000000000000:role/ds-user",
            ["ActionNames.member.1"] = "sagemaker:CreatePresignedNotebookInstanceUrl",
            ["ContextEntries.member.1.ContextKeyName"] = "sagemaker:RootAccess",
            ["ContextEntries.member.1.ContextKeyValues.member.1"] = "Enabled",
            ["ContextEntries.member.1.ContextKeyType"] = "string",
        });

        Assert.Equal("explicitDeny", xml.Descendants().First(e => e.Name.LocalName == "EvalDecision").Value);
        Assert.Contains("sagemaker:*", Assert.Single(simulator.Seen!.Inline).Document, StringComparison.Ordinal);
        Assert.Equal(["Enabled"], simulator.Context!["sagemaker:RootAccess"]);
    }

    private sealed class DenyRootAccess : IRequestAuthorizer
    {
        public ServiceException? Authorize(AuthorizationRequest request) =>
            request.Caller.IsAssumedRole && request.Operation == "CreateNotebookInstance" && request.JsonBody?["RootAccess"]?.GetValue<string>() == "Enabled"
                ? new ServiceException("AccessDeniedException", $"User: {request.Caller.Arn} is not authorized to perform: sagemaker:CreateNotebookInstance with an explicit deny")
                : null;
    }

    private sealed class RecordingSimulator : IPolicySimulator
    {
        public RolePolicies? Seen { get; private set; }

        public IReadOnlyDictionary<string, IReadOnlyList<string>>? Context { get; private set; }

        public IReadOnlyList<PolicySimulationResult> Simulate(RolePolicies policies, IReadOnlyList<string> actionNames, IReadOnlyList<string> resourceArns, IReadOnlyDictionary<string, IReadOnlyList<string>> contextEntries)
        {
            Seen = policies;
            Context = contextEntries;
            return actionNames.Select(a => new PolicySimulationResult(a, resourceArns[0], "explicitDeny", ["deny"], [])).ToList();
        }
    }
}
