using System.Text.RegularExpressions;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Ssm;

/// <summary>Parameter Store of one account and region.</summary>
public sealed partial class SsmStore
{
    public Dictionary<string, SsmParameter> Parameters { get; set; } = [];

    public SsmParameter Put(string name, string value, string? type, bool overwrite, string? description, string? keyId, string? allowedPattern, string? tier, string? dataType, IReadOnlyList<Tag> tags, string user, DateTimeOffset now)
    {
        ValidateName(name);
        if (value.Length > (tier == "Advanced" ? 8192 : 4096))
        {
            throw new ServiceException("ParameterMaxVersionLimitExceeded", "Parameter value is too large.");
        }

        if (allowedPattern is not null && !Regex.IsMatch(value, allowedPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            throw new ServiceException("ParameterPatternMismatchException", $"Parameter value, cannot be validated against allowedPattern: {allowedPattern}");
        }

        if (Parameters.TryGetValue(name, out var existing))
        {
            if (!overwrite)
            {
                throw new ServiceException("ParameterAlreadyExists", "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
            }

            if (tags.Count > 0)
            {
                throw new ServiceException("ValidationException", "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.");
            }

            existing.Value = value;
            existing.Type = type ?? existing.Type;
            existing.Version++;
            existing.LastModifiedDate = now;
            existing.Description = description ?? existing.Description;
            existing.KeyId = keyId ?? existing.KeyId;
            existing.AllowedPattern = allowedPattern ?? existing.AllowedPattern;
            existing.LastModifiedUser = user;
            return existing;
        }

        if (type is null)
        {
            throw new ServiceException("ValidationException", "A parameter type is required when you create a parameter.");
        }

        var parameter = new SsmParameter
        {
            Name = name,
            Type = type,
            Value = value,
            LastModifiedDate = now,
            Description = description,
            KeyId = type == "SecureString" ? keyId ?? "alias/aws/ssm" : null,
            AllowedPattern = allowedPattern,
            Tier = tier is "Advanced" ? "Advanced" : "Standard",
            DataType = dataType ?? "text",
            LastModifiedUser = user,
            Tags = [.. tags],
        };
        Parameters[name] = parameter;
        return parameter;
    }

    public SsmParameter Get(string name)
    {
        var selector = name.LastIndexOf(':');
        if (selector > 0 && !name.StartsWith("arn:", StringComparison.Ordinal))
        {
            var version = name[(selector + 1)..];
            var parameter = Get(name[..selector]);
            return version == parameter.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)
                ? parameter
                : throw new ServiceException("ParameterVersionNotFound", $"Systems Manager could not find version {version} of {name[..selector]}. Verify the version and try again.");
        }

        return Parameters.TryGetValue(Normalize(name), out var found)
            ? found
            : throw new ServiceException("ParameterNotFound", string.Empty);
    }

    public bool TryGet(string name, out SsmParameter? parameter)
    {
        try
        {
            parameter = Get(name);
            return true;
        }
        catch (ServiceException)
        {
            parameter = null;
            return false;
        }
    }

    public IReadOnlyList<SsmParameter> ByPath(string path, bool recursive)
    {
        if (!path.StartsWith('/') || path.Length > 2048)
        {
            throw new ServiceException("ValidationException", "The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash \"/\".");
        }

        var prefix = path.EndsWith('/') ? path : path + "/";
        return Parameters.Values
            .Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal) && (recursive || !p.Name[prefix.Length..].Contains('/', StringComparison.Ordinal)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    public void Delete(string name)
    {
        if (!Parameters.Remove(Normalize(name)))
        {
            throw new ServiceException("ParameterNotFound", string.Empty);
        }
    }

    /// <summary>Accepts a name or a parameter ARN (<c>arn:aws:ssm:r:a:parameter/x</c> or <c>…:parameter/p/x</c>).</summary>
    private string Normalize(string name)
    {
        const string Marker = ":parameter/";
        var index = name.IndexOf(Marker, StringComparison.Ordinal);
        if (!name.StartsWith("arn:", StringComparison.Ordinal) || index < 0)
        {
            return name;
        }

        var rest = name[(index + Marker.Length)..];
        return Parameters.ContainsKey("/" + rest) ? "/" + rest : rest;
    }

    private static void ValidateName(string name)
    {
        if (name.Length is < 1 or > 2048 || !NamePattern().IsMatch(name))
        {
            throw new ServiceException("ValidationException", $"Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol \"/\". Valid example: /get/parameters2-/by1./path0_.");
        }

        var first = name.TrimStart('/');
        if (first.StartsWith("aws", StringComparison.OrdinalIgnoreCase) || first.StartsWith("ssm", StringComparison.OrdinalIgnoreCase))
        {
            throw new ServiceException("ValidationException", "No access to reserved parameter name: " + name + ".");
        }

        if (name.Contains('/', StringComparison.Ordinal) && !name.StartsWith('/'))
        {
            throw new ServiceException("ValidationException", "Parameter name must be a fully qualified name.");
        }
    }

    [GeneratedRegex(@"^[a-zA-Z0-9_.\-/]+$")]
    private static partial Regex NamePattern();
}
