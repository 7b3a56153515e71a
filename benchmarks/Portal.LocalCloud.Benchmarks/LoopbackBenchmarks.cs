using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.LocalCloud.Benchmarks;

/// <summary>
/// Requests per second of LocalCloud over loopback HTTP: a JSON 1.1 describe (SageMaker
/// DescribeNotebookInstance) and a Query call (IAM GetRole), both SigV4-verified, in-memory state.
/// </summary>
[MemoryDiagnoser]
public class LoopbackBenchmarks
{
    private WebApplication? _app;
    private HttpClient? _http;
    private SignedRequest? _json;
    private SignedRequest? _query;

    [GlobalSetup]
    public void Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddLocalCloud(builder.Configuration);
        _app = builder.Build();
        _app.MapLocalCloud();
        _app.StartAsync().GetAwaiter().GetResult();
        var endpoint = _app.Urls.First().TrimEnd('/');
        _http = new HttpClient();

        Send(new SignedRequest(endpoint, "sagemaker", "application/x-amz-json-1.1", Encoding.UTF8.GetBytes("""{"NotebookInstanceName":"bench","InstanceType":"ml.t3.medium","RoleArn":"arn:aws:iam::000000000000:role/bench"}"""), new Dictionary<string, string> { ["X-Amz-Target"] = "SageMaker.CreateNotebookInstance" }));
        Send(new SignedRequest(endpoint, "iam", "application/x-www-form-urlencoded; charset=utf-8", Encoding.UTF8.GetBytes("Action=CreateRole&Version=2010-05-08&RoleName=bench&AssumeRolePolicyDocument=" + Uri.EscapeDataString("""{"Statement":[{"Effect":"Allow","Principal":{"AWS":"000000000000"},"Action":"sts:AssumeRole"}]}""")), new Dictionary<string, string>()));
        _json = new SignedRequest(endpoint, "sagemaker", "application/x-amz-json-1.1", Encoding.UTF8.GetBytes("""{"NotebookInstanceName":"bench"}"""), new Dictionary<string, string> { ["X-Amz-Target"] = "SageMaker.DescribeNotebookInstance" });
        _query = new SignedRequest(endpoint, "iam", "application/x-www-form-urlencoded; charset=utf-8", Encoding.UTF8.GetBytes("Action=GetRole&Version=2010-05-08&RoleName=bench"), new Dictionary<string, string>());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http?.Dispose();
        _app?.StopAsync().GetAwaiter().GetResult();
        (_app as IDisposable)?.Dispose();
    }

    [Benchmark(Description = "JSON 1.1 SageMaker.DescribeNotebookInstance")]
    public Task<int> JsonDescribeAsync() => SendAsync(_json!);

    [Benchmark(Description = "Query iam:GetRole")]
    public Task<int> QueryGetRoleAsync() => SendAsync(_query!);

    private void Send(SignedRequest request) => SendAsync(request).GetAwaiter().GetResult();

    private async Task<int> SendAsync(SignedRequest request)
    {
        using var message = request.Create();
        using var response = await _http!.SendAsync(message);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        }

        return body.Length;
    }
}
