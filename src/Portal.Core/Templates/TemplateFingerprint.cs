using System.Security.Cryptography;
using System.Text.Json;

namespace Portal.Core.Templates;

/// <summary>
/// The canonical form of a value tree: JSON with keys sorted ordinally, every scalar as a string and
/// intrinsics in long form. Its SHA-256 is the template fingerprint.
/// </summary>
public static class TemplateFingerprint
{
    public static string Compute(TemplateValue root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes(root)));
    }

    public static byte[] CanonicalBytes(TemplateValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { MaxDepth = 4096, SkipValidation = true }))
        {
            Write(writer, value);
        }

        return stream.ToArray();
    }

    /// <summary>The canonical JSON text of one value (used by the diff to compare and display values).</summary>
    public static string CanonicalText(TemplateValue value) => System.Text.Encoding.UTF8.GetString(CanonicalBytes(value));

    private static void Write(Utf8JsonWriter writer, TemplateValue value)
    {
        switch (value)
        {
            case TemplateScalar { IsNull: true }:
                writer.WriteNullValue();
                break;
            case TemplateScalar scalar:
                writer.WriteStringValue(scalar.Value);
                break;
            case TemplateSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case TemplateMapping mapping:
                writer.WriteStartObject();
                foreach (var property in mapping.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Key);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case TemplateIntrinsic intrinsic:
                writer.WriteStartObject();
                writer.WritePropertyName(intrinsic.Function);
                Write(writer, intrinsic.Argument);
                writer.WriteEndObject();
                break;
        }
    }
}
