namespace Portal.Aws.Tests.Contract;

/// <summary>Loads a botocore model for a test, skipping it when the models are not installed — except with CI=true, where that fails.</summary>
internal static class BotocoreModelSource
{
    public static BotocoreModel LoadOrSkip(string service, string apiVersion)
    {
        var model = BotocoreModel.TryLoad(service, apiVersion);
        if (model is not null)
        {
            return model;
        }

        var message = $"botocore model {service}/{apiVersion} not found under {BotocoreModel.DescribeSearchPath()} (apt-get install python3-botocore).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return null!;
    }
}
