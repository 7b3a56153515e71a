using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Portal.LocalCloud.Engine.Benchmarks;

/// <summary>
/// CloudFormation Query (2010-05-15) over loopback HTTP, signed with AWSSDK.Core's SigV4 signer as the AWS CLI
/// would sign it (credentials <c>test</c>/<c>test</c>, eu-west-1): the real request path, not LocalCloud code.
/// </summary>
public sealed class CloudFormationQueryClient : IDisposable
{
    private const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";
    private static readonly AWSCredentials Credentials = new BasicAWSCredentials("test", "test");
    private readonly HttpClient _http = new();
    private readonly Uri _endpoint;

    public CloudFormationQueryClient(string endpoint) => _endpoint = new Uri(endpoint + "/");

    /// <summary>Creates a stack (under <paramref name="roleArn"/> when given) and waits (DescribeStacks) until it leaves CREATE_IN_PROGRESS; returns the stack id.</summary>
    public async Task<string> CreateStackAsync(string name, string body, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken, string? roleArn = null)
    {
        var form = new Dictionary<string, string> { ["StackName"] = name, ["TemplateBody"] = body, ["Capabilities.member.1"] = "CAPABILITY_NAMED_IAM" };
        if (roleArn is not null)
        {
            form["RoleARN"] = roleArn;
        }

        var index = 1;
        foreach (var (key, value) in parameters)
        {
            form[$"Parameters.member.{index}.ParameterKey"] = key;
            form[$"Parameters.member.{index}.ParameterValue"] = value;
            index++;
        }

        var stackId = Value(await CallAsync("CreateStack", form, cancellationToken), "StackId");
        await WaitForAsync(stackId, "CREATE_COMPLETE", cancellationToken);
        return stackId;
    }

    /// <summary>
    /// A CloudFormation service role (trusting cloudformation.amazonaws.com) carrying the inline policy
    /// <paramref name="policyName"/> of the existing role <paramref name="copyFrom"/> (IAM Query 2010-05-08).
    /// </summary>
    public async Task<string> CreateServiceRoleLikeAsync(string name, string copyFrom, string policyName, CancellationToken cancellationToken)
    {
        const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cloudformation.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        var policy = Uri.UnescapeDataString(Value(await CallAsync("GetRolePolicy", new Dictionary<string, string> { ["RoleName"] = copyFrom, ["PolicyName"] = policyName }, cancellationToken, "iam", "2010-05-08"), "PolicyDocument"));
        var role = Value(await CallAsync("CreateRole", new Dictionary<string, string> { ["RoleName"] = name, ["AssumeRolePolicyDocument"] = Trust }, cancellationToken, "iam", "2010-05-08"), "Arn");
        await CallAsync("PutRolePolicy", new Dictionary<string, string> { ["RoleName"] = name, ["PolicyName"] = policyName, ["PolicyDocument"] = policy }, cancellationToken, "iam", "2010-05-08");
        return role;
    }

    /// <summary>Deletes a stack and waits until DescribeStacks (by stack id) reports DELETE_COMPLETE.</summary>
    public async Task DeleteStackAsync(string stackId, CancellationToken cancellationToken)
    {
        await CallAsync("DeleteStack", new Dictionary<string, string> { ["StackName"] = stackId }, cancellationToken);
        await WaitForAsync(stackId, "DELETE_COMPLETE", cancellationToken);
    }

    /// <summary>The number of resources DescribeStackResources lists for the stack.</summary>
    public async Task<int> ResourceCountAsync(string stackId, CancellationToken cancellationToken) =>
        (await CallAsync("DescribeStackResources", new Dictionary<string, string> { ["StackName"] = stackId }, cancellationToken))
            .Descendants().Count(e => e.Name.LocalName == "LogicalResourceId");

    /// <summary>Clears all emulated state (<c>POST /_localcloud/reset</c>, unsigned admin endpoint).</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(new Uri(_endpoint, "_localcloud/reset"), null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();

    private async Task WaitForAsync(string stackId, string expected, CancellationToken cancellationToken)
    {
        while (true)
        {
            var described = await CallAsync("DescribeStacks", new Dictionary<string, string> { ["StackName"] = stackId }, cancellationToken);
            var status = Value(described, "StackStatus");
            if (status == expected)
            {
                return;
            }

            if (!status.EndsWith("_IN_PROGRESS", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Stack {stackId} is {status}, expected {expected}: {described.Descendants().FirstOrDefault(e => e.Name.LocalName == "StackStatusReason")?.Value}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(1), cancellationToken);
        }
    }

    private async Task<XElement> CallAsync(string action, Dictionary<string, string> parameters, CancellationToken cancellationToken, string service = "cloudformation", string version = "2010-05-15")
    {
        var pairs = parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value));
        var body = Encoding.UTF8.GetBytes(string.Join('&', pairs.Prepend("Version=" + version).Prepend("Action=" + action)));
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = _endpoint, Content = body };
        signing.Headers["Content-Type"] = ContentType;
        var signed = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters { Credentials = Credentials, Region = RegionEndpoint.EUWest1, Service = service });

        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        foreach (var (name, value) in signed.Headers.Where(h => !h.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var xml = XElement.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return response.IsSuccessStatusCode ? xml : throw new InvalidOperationException($"{action} failed ({(int)response.StatusCode}): {xml}");
    }

    private static string Value(XElement parent, string localName) =>
        parent.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value ?? throw new InvalidOperationException($"{localName} missing in {parent}");
}
