namespace Portal.LocalCloud.Auth;

/// <summary>Why a request was not authenticated; each protocol has its own code for each.</summary>
public enum AuthFailure
{
    Missing,
    Malformed,
    UnknownKey,
    BadSignature,
    ExpiredToken,
    ClockSkew,
}
