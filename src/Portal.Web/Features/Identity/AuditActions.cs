namespace Portal.Web.Features.Identity;

/// <summary>Names of the sign-in related audit events.</summary>
public static class AuditActions
{
    public const string SignedIn = "auth.signed-in";

    public const string SignInFailed = "auth.sign-in-failed";

    public const string SignedOut = "auth.signed-out";

    public const string AccessDenied = "auth.access-denied";
}
