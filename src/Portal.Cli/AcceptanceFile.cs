using System.Text.Json;
using Portal.Core.Common;
using Portal.Core.Guardrails;

namespace Portal.Cli;

/// <summary>
/// The <c>--accept</c> file: a JSON array of accepted findings, each
/// <c>{"ruleId", "resourceId", "justification", "approver", "expiresAt", "file"?, "propertyPath"?}</c>.
/// </summary>
public static class AcceptanceFile
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Acceptances with the file each is limited to (null = every file).</summary>
    public static async Task<Result<IReadOnlyList<(string? File, FindingAcceptance Acceptance)>>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        Entry[]? entries;
        try
        {
            await using var stream = File.OpenRead(path);
            entries = await JsonSerializer.DeserializeAsync<Entry[]>(stream, Options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return Error.Validation("cli.accept", $"Cannot read the acceptances file '{path}': {ex.Message}");
        }

        var acceptances = new List<(string?, FindingAcceptance)>();
        foreach (var (entry, index) in (entries ?? []).Select((e, i) => (e, i)))
        {
            if (entry.ExpiresAt is not { } expiresAt)
            {
                return Error.Validation("cli.accept", $"Acceptance #{index + 1} in '{path}' has no expiresAt.");
            }

            var acceptance = FindingAcceptance.Restore(entry.RuleId ?? string.Empty, entry.ResourceId ?? string.Empty, entry.Justification ?? string.Empty, entry.Approver ?? string.Empty, expiresAt, entry.PropertyPath);
            if (!acceptance.IsSuccess)
            {
                return Error.Validation("cli.accept", $"Acceptance #{index + 1} in '{path}': {acceptance.Error!.Message}");
            }

            acceptances.Add((entry.File?.Replace('\\', '/'), acceptance.Value));
        }

        return acceptances;
    }

    private sealed record Entry(string? RuleId, string? ResourceId, string? Justification, string? Approver, DateTimeOffset? ExpiresAt, string? File, string? PropertyPath);
}
