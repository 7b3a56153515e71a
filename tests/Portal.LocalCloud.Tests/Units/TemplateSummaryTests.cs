using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.ServiceCatalog;

namespace Portal.LocalCloud.Tests.Units;

public sealed class TemplateSummaryTests
{
    private const string Json = """
        {"Parameters":{"Env":{"Type":"String","AllowedValues":["dev","prod"],"Default":"dev"},"Name":{"Type":"String","MaxLength":"8"}},
         "Resources":{"B":{"Type":"AWS::S3::Bucket"}},"Outputs":{"BucketName":{"Value":{"Ref":"B"},"Description":"the bucket"}}}
        """;

    [Fact]
    public void A_json_template_yields_parameters_with_constraints_and_outputs()
    {
        var summary = TemplateSummary.Parse(Json);

        Assert.Equal(["Env", "Name"], summary.Parameters.Select(p => p.Key));
        Assert.Equal(["dev", "prod"], summary.Parameters[0].AllowedValues);
        Assert.Equal(("BucketName", "the bucket"), summary.Outputs[0]);
    }

    [Fact]
    public void Equals_rules_pin_a_value_and_values_are_checked_against_every_constraint()
    {
        var parameters = TemplateSummary.Parse(Json).WithRules(["""{"Rules":{"Pin":{"Assertions":[{"Assert":{"Fn::Equals":[{"Ref":"Env"},"prod"]}}]}}}"""]);

        var resolved = TemplateSummary.Resolve(parameters, new Dictionary<string, string> { ["Env"] = "prod", ["Name"] = "n" });
        var pinned = Assert.Throws<ServiceException>(() => TemplateSummary.Resolve(parameters, new Dictionary<string, string> { ["Name"] = "n" }));
        var tooLong = Assert.Throws<ServiceException>(() => TemplateSummary.Resolve(parameters, new Dictionary<string, string> { ["Env"] = "prod", ["Name"] = "much-too-long" }));
        var unknown = Assert.Throws<ServiceException>(() => TemplateSummary.Resolve(parameters, new Dictionary<string, string> { ["Name"] = "n", ["Extra"] = "x" }));

        Assert.Equal(["prod"], parameters[0].AllowedValues);
        Assert.Equal("prod", resolved["Env"]);
        Assert.Contains("AllowedValues", pinned.Message, StringComparison.Ordinal);
        Assert.Contains("at most 8", tooLong.Message, StringComparison.Ordinal);
        Assert.Contains("Extra", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_without_resources_is_refused()
    {
        var error = Assert.Throws<ServiceException>(() => TemplateSummary.Parse("Parameters: {}\n"));

        Assert.Equal("InvalidParametersException", error.Code);
    }
}
