using System.Reflection;
using Portal.Aws.Configuration;
using Portal.Aws.Protocols;

namespace Portal.Aws.Tests.Contract;

/// <summary>Every operation the hand-written clients send, checked against botocore's service models.</summary>
public sealed class BotocoreContractTests
{
    public static TheoryData<string> Services => new() { "servicecatalog", "sagemaker", "iam", "cloudformation" };

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_operation_and_member_the_client_sends_exists_in_the_botocore_model(string serviceKey)
    {
        var operations = AllOperations().Where(o => o.Service.Key == serviceKey).ToList();
        Assert.NotEmpty(operations);
        var model = LoadOrSkip(operations[0].Service);

        var violations = operations.SelectMany(o => ContractChecker.Check(o, model)).ToList();

        Assert.True(violations.Count == 0, $"{model.Path}:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Clients_send_exactly_the_operations_the_wire_reference_lists()
    {
        var byService = AllOperations().GroupBy(o => o.Service.Key).ToDictionary(g => g.Key, g => g.Select(o => o.Name).Order(StringComparer.Ordinal).ToArray());

        Assert.Equal(
            ["AssociatePrincipalWithPortfolio", "AssociateProductWithPortfolio", "AssociateTagOptionWithResource", "CreateConstraint", "CreatePortfolio", "CreateProduct",
             "CreateProvisioningArtifact", "CreateTagOption", "DeletePortfolio", "DescribePortfolio", "DescribeProduct", "DescribeProductAsAdmin", "DescribeProvisionedProduct",
             "DescribeProvisioningParameters", "DescribeRecord", "GetProvisionedProductOutputs", "ListConstraintsForPortfolio", "ListPortfolios", "ListPrincipalsForPortfolio",
             "ListProvisioningArtifacts", "ListRecordHistory", "ProvisionProduct", "SearchProducts", "SearchProductsAsAdmin", "SearchProvisionedProducts",
             "TerminateProvisionedProduct", "UpdateProvisionedProduct", "UpdateProvisioningArtifact"],
            byService["servicecatalog"]);
        Assert.Equal(
            ["CreatePresignedNotebookInstanceUrl", "DescribeEndpoint", "DescribeNotebookInstance", "DescribeProcessingJob", "DescribeTrainingJob", "ListEndpoints", "ListExperiments",
             "ListMonitoringExecutions", "ListMonitoringSchedules", "ListNotebookInstances", "ListProcessingJobs", "ListTags", "ListTrainingJobs", "ListTrialComponents",
             "StartNotebookInstance", "StopNotebookInstance"],
            byService["sagemaker"]);
        Assert.Equal(["CreateRole", "GetRole", "GetRolePolicy", "ListAttachedRolePolicies", "ListRolePolicies", "ListRoles", "SimulatePrincipalPolicy"], byService["iam"]);
        Assert.Equal(
            ["CreateStack", "DeleteStack", "DescribeStackEvents", "DescribeStackResources", "DescribeStacks", "GetTemplate", "ListExports", "UpdateStack", "ValidateTemplate"],
            byService["cloudformation"]);
    }

    [Fact]
    public void Checker_reports_a_misspelt_request_member()
    {
        var model = LoadOrSkip(AwsService.SageMaker);
        var misspelt = new AwsOperation<MisspeltNotebookRequest, EmptyShape>(AwsService.SageMaker, "DescribeNotebookInstance");

        var violations = ContractChecker.Check(misspelt, model);

        Assert.Contains(violations, v => v.Contains("'NotebookInstanceNme' is not a member", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("required member 'NotebookInstanceName'", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_reports_a_misspelt_nested_member_and_a_wrong_scalar_type()
    {
        var model = LoadOrSkip(AwsService.ServiceCatalog);
        var wrong = new AwsOperation<WrongProvisionRequest, EmptyShape>(AwsService.ServiceCatalog, "ProvisionProduct");

        var violations = ContractChecker.Check(wrong, model);

        Assert.Contains(violations, v => v.Contains("ProvisioningParameters[]: 'Kee' is not a member", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("ProvisionedProductName: is Boolean", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_reports_a_wrong_target_prefix_and_an_unknown_operation()
    {
        var model = LoadOrSkip(AwsService.SageMaker);
        var wrongService = AwsService.SageMaker with { TargetPrefix = "SageMakerService" };
        var unknown = new AwsOperation<EmptyShape, EmptyShape>(wrongService, "DescribeNotebook");

        var violations = ContractChecker.Check(unknown, model);

        Assert.Contains(violations, v => v.Contains("target prefix is 'SageMaker'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("no operation named 'DescribeNotebook'", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_models_fail_the_contract_test_on_ci_instead_of_skipping_it()
    {
        var empty = Directory.CreateTempSubdirectory("no-botocore").FullName;
        try
        {
            var onCi = BotocoreModelSource.Find("sagemaker", "2017-07-24", [empty], ci: "true");
            var onDesk = BotocoreModelSource.Find("sagemaker", "2017-07-24", [empty], ci: null);

            Assert.Null(onCi.Model);
            Assert.True(onCi.MustFail);
            Assert.Contains("python3-botocore", onCi.Message, StringComparison.Ordinal);
            Assert.False(onDesk.MustFail);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void Gzipped_models_such_as_pip_botocore_ships_are_read_too()
    {
        var source = BotocoreModelSource.LoadOrSkip("iam", "2010-05-08");
        var root = Directory.CreateTempSubdirectory("gz-botocore").FullName;
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, "iam", "2010-05-08")).FullName;
            using (var input = File.OpenRead(source.Path))
            using (var output = File.Create(Path.Combine(folder, "service-2.json.gz")))
            using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
            {
                input.CopyTo(gzip);
            }

            var model = BotocoreModel.TryLoad("iam", "2010-05-08", [root]);

            Assert.NotNull(model);
            Assert.Equal("query", model.Protocol);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    internal static IReadOnlyList<IAwsOperation> AllOperations() =>
        typeof(AwsOperation<,>).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => typeof(IAwsOperation).IsAssignableFrom(f.FieldType))
            .Select(f => (IAwsOperation)f.GetValue(null)!)
            .ToList();

    private static BotocoreModel LoadOrSkip(AwsService service) => BotocoreModelSource.LoadOrSkip(service.Key, service.ApiVersion);

    internal sealed record MisspeltNotebookRequest
    {
        public string? NotebookInstanceNme { get; init; }
    }

    internal sealed record WrongProvisionRequest
    {
        public bool? ProvisionedProductName { get; init; }

        public IReadOnlyList<WrongParameter>? ProvisioningParameters { get; init; }

        public string? ProvisionToken { get; init; }
    }

    internal sealed record WrongParameter
    {
        public string? Kee { get; init; }
    }

    internal sealed record EmptyShape;
}
