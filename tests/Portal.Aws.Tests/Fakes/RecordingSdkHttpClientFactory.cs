using Amazon.Runtime;

namespace Portal.Aws.Tests.Fakes;

/// <summary>Lets AWSSDK clients send through a <see cref="RecordingHandler"/>.</summary>
internal sealed class RecordingSdkHttpClientFactory(RecordingHandler handler) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
}
