using System.Globalization;
using System.Xml.Linq;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>CloudFormation Query calls over loopback HTTP, signed with AWSSDK.Core's SigV4 signer (no CloudFormation SDK).</summary>
internal sealed class CfnClient
{
    private const string Version = "2010-05-15";
    private readonly AwsWireClient _wire;

    public CfnClient(AwsWireClient wire) => _wire = wire;

    public Task<XElement> CallAsync(string action, IDictionary<string, string>? parameters = null) =>
        _wire.QueryAsync("cloudformation", Version, action, parameters);

    public async Task<string> CreateStackAsync(string name, string? body, IReadOnlyDictionary<string, string>? parameters = null, string? url = null, string onFailure = "ROLLBACK", string? roleArn = null)
    {
        var form = StackForm(name, body, parameters, url);
        form["OnFailure"] = onFailure;
        if (roleArn is not null)
        {
            form["RoleARN"] = roleArn;
        }

        var xml = await CallAsync("CreateStack", form);
        return Value(xml, "StackId");
    }

    public async Task<string> UpdateStackAsync(string name, string? body, IReadOnlyDictionary<string, string>? parameters = null, IEnumerable<string>? usePrevious = null)
    {
        var form = StackForm(name, body, parameters, null);
        var index = (parameters?.Count ?? 0) + 1;
        foreach (var key in usePrevious ?? [])
        {
            form[$"Parameters.member.{index}.ParameterKey"] = key;
            form[$"Parameters.member.{index}.UsePreviousValue"] = "true";
            index++;
        }

        if (body is null)
        {
            form["UsePreviousTemplate"] = "true";
        }

        return Value(await CallAsync("UpdateStack", form), "StackId");
    }

    public Task<XElement> DeleteStackAsync(string name) => CallAsync("DeleteStack", new Dictionary<string, string> { ["StackName"] = name });

    public async Task<XElement> DescribeAsync(string nameOrId)
    {
        var xml = await CallAsync("DescribeStacks", new Dictionary<string, string> { ["StackName"] = nameOrId });
        return Members(Element(xml, "Stacks")).Single();
    }

    public async Task<string> StatusAsync(string nameOrId) => Value(await DescribeAsync(nameOrId), "StackStatus");

    public async Task<Dictionary<string, string>> OutputsAsync(string nameOrId) =>
        Members(Element(await DescribeAsync(nameOrId), "Outputs")).ToDictionary(o => Value(o, "OutputKey"), o => Value(o, "OutputValue"), StringComparer.Ordinal);

    public async Task<IReadOnlyList<XElement>> EventsAsync(string nameOrId) =>
        Members(Element(await CallAsync("DescribeStackEvents", new Dictionary<string, string> { ["StackName"] = nameOrId }), "StackEvents")).ToList();

    public async Task<IReadOnlyList<XElement>> ResourcesAsync(string nameOrId) =>
        Members(Element(await CallAsync("DescribeStackResources", new Dictionary<string, string> { ["StackName"] = nameOrId }), "StackResources")).ToList();

    /// <summary>The physical id of a stack resource.</summary>
    public async Task<string> PhysicalIdAsync(string stack, string logicalId) =>
        Value((await ResourcesAsync(stack)).Single(r => Value(r, "LogicalResourceId") == logicalId), "PhysicalResourceId");

    /// <summary>A failure diagnosis for assertion messages: the stack's failed events.</summary>
    public async Task<string> FailuresAsync(string nameOrId) =>
        string.Join("\n", (await EventsAsync(nameOrId)).Where(e => Value(e, "ResourceStatus").EndsWith("FAILED", StringComparison.Ordinal))
            .Select(e => $"{Value(e, "LogicalResourceId")}: {Optional(e, "ResourceStatusReason")}"));

    public static XElement Element(XElement parent, string localName) =>
        parent.Descendants().First(e => e.Name.LocalName == localName);

    public static IEnumerable<XElement> Members(XElement list) => list.Elements().Where(e => e.Name.LocalName == "member");

    public static string Value(XElement parent, string localName) =>
        parent.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value ?? throw new InvalidOperationException($"{localName} missing in {parent}");

    public static string? Optional(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    private static Dictionary<string, string> StackForm(string name, string? body, IReadOnlyDictionary<string, string>? parameters, string? url)
    {
        var form = new Dictionary<string, string> { ["StackName"] = name, ["Capabilities.member.1"] = "CAPABILITY_NAMED_IAM" };
        if (body is not null)
        {
            form["TemplateBody"] = body;
        }

        if (url is not null)
        {
            form["TemplateURL"] = url;
        }

        var index = 1;
        foreach (var (key, value) in parameters ?? new Dictionary<string, string>())
        {
            form[$"Parameters.member.{index}.ParameterKey"] = key;
            form[$"Parameters.member.{index}.ParameterValue"] = value;
            index++;
        }

        return form;
    }

    public static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
