using System.Text;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>Generates AWS-shaped ids and CloudFormation's <c>&lt;stack&gt;-&lt;logical&gt;-&lt;RANDOM&gt;</c> physical names.</summary>
public static class PhysicalIds
{
    private const string Hex = "0123456789abcdef";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Mixed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewId(IdShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Alphabet == IdAlphabet.Uuid)
        {
            return shape.Prefix + Guid.NewGuid().ToString();
        }

        return shape.Prefix + Random(shape.Length, shape.Alphabet switch
        {
            IdAlphabet.LowerAlphanumeric => Lower,
            IdAlphabet.UpperAlphanumeric => Upper,
            IdAlphabet.MixedAlphanumeric => Mixed,
            _ => Hex,
        });
    }

    /// <summary>
    /// <c>&lt;stack&gt;-&lt;logical&gt;-&lt;12-13 random&gt;</c>, the stack name and logical id trimmed to fit
    /// <paramref name="maxLength"/>; lower case for S3-style names.
    /// </summary>
    public static string GenerateName(string stackName, string logicalId, int maxLength, bool lowerCase)
    {
        ArgumentNullException.ThrowIfNull(stackName);
        ArgumentNullException.ThrowIfNull(logicalId);
        var suffix = Random(lowerCase ? 12 : 13, lowerCase ? Lower : Upper);
        var budget = Math.Max(2, maxLength - suffix.Length - 2);
        var stack = stackName.TrimStart('-');
        var logical = logicalId;
        while (stack.Length + logical.Length > budget)
        {
            if (stack.Length >= logical.Length)
            {
                stack = stack[..^1];
            }
            else
            {
                logical = logical[..^1];
            }
        }

        var name = $"{stack}-{logical}-{suffix}";
        return lowerCase ? name.ToLowerInvariant() : name;
    }

    private static string Random(int length, string alphabet)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[System.Random.Shared.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }
}
