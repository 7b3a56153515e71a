namespace Portal.Web.Configuration;

/// <summary>Where the portal keeps its own state. Section <c>Database</c>; connection string <c>ConnectionStrings:Portal</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string Sqlite = "Sqlite";

    public const string Postgres = "Postgres";

    public static readonly IReadOnlyList<string> AllowedProviders = [Sqlite, Postgres];

    /// <summary><c>Sqlite</c> (default, file under <c>data/</c>) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Bound from <c>ConnectionStrings:Portal</c>. Empty means the SQLite default under <c>data/</c>.</summary>
    public string? ConnectionString { get; set; }

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}
