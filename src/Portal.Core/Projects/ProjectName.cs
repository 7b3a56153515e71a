using System.Text.RegularExpressions;
using Portal.Core.Common;

namespace Portal.Core.Projects;

/// <summary>
/// A project's name: lower-case letters, digits and hyphens, 3–18 characters, starting with a letter and
/// not ending with a hyphen. The bound keeps every AWS name derived from it within its limit
/// (S3 buckets 63, IAM roles 64, SageMaker notebooks 63 characters) — the same bound as the templates' ProjectName parameter.
/// </summary>
public readonly partial record struct ProjectName
{
    public const int MinLength = 3;

    public const int MaxLength = 18;

    private ProjectName(string value) => Value = value;

    public string Value { get; }

    public static Result<ProjectName> Create(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length is < MinLength or > MaxLength || !Pattern().IsMatch(value))
        {
            return Error.Validation(
                "InvalidProjectName",
                $"'{value}' is not a valid project name: use {MinLength}–{MaxLength} lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen.",
                "ProjectName");
        }

        return new ProjectName(value);
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z][a-z0-9-]*[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
