namespace Portal.Aws.Tests.Contract;

/// <summary>Loads a botocore model for a test, skipping it when the models are not installed — except with CI=true, where that fails.</summary>
internal static class BotocoreModelSource
{
    public static BotocoreModel LoadOrSkip(string service, string apiVersion)
    {
        var lookup = Find(service, apiVersion, BotocoreModel.DataDirectories, Environment.GetEnvironmentVariable("CI"));
        if (lookup.Model is not null)
        {
            return lookup.Model;
        }

        if (lookup.MustFail)
        {
            Assert.Fail(lookup.Message);
        }

        Assert.Skip(lookup.Message);
        return null!;
    }

    /// <summary>Looks a model up and decides what a missing one means: a failure on CI, a skip elsewhere.</summary>
    public static ModelLookup Find(string service, string apiVersion, IReadOnlyList<string> directories, string? ci)
    {
        var model = BotocoreModel.TryLoad(service, apiVersion, directories);
        var message = model is not null
            ? model.Path
            : $"botocore model {service}/{apiVersion} not found under {string.Join(", ", directories)} (apt-get install python3-botocore).";
        return new ModelLookup(model, message, model is null && string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase));
    }
}
