using Portal.TestKit;

namespace Portal.Web.Tests.Infrastructure;

/// <summary>
/// A uniquely named PostgreSQL database on the throw-away server that tests/run.sh starts
/// (<c>PORTAL_TEST_PG</c>, a connection string without a database). The portal's migrations create it.
/// </summary>
public static class PostgresDatabase
{
    public static string? ServerConnectionString => System.Environment.GetEnvironmentVariable("PORTAL_TEST_PG");

    /// <summary>A connection string for a new database, or null with the skip reason outside CI.</summary>
    public static string? NewConnectionString(out string skipReason)
    {
        skipReason = string.Empty;
        var server = ServerConnectionString;
        if (string.IsNullOrWhiteSpace(server))
        {
            skipReason = Prerequisite.Missing("PostgreSQL (set PORTAL_TEST_PG, e.g. Host=127.0.0.1;Port=55432;Username=postgres)");
            return null;
        }

        return $"{server.TrimEnd(';')};Database=portal_test_{Guid.NewGuid():N}";
    }
}
