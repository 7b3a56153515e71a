using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Aws.Protocols;

/// <summary>Serializer settings for AWS JSON 1.1: member names as declared (PascalCase), nulls omitted, epoch-second timestamps.</summary>
internal static class AwsJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new EpochSecondsConverter() },
    };
}
