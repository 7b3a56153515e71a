namespace Portal.Core.Common;

/// <summary>The expected ways an operation can fail. Unexpected failures stay exceptions.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Denied,
    Conflict,
    LimitExceeded,
    Throttled,
    Unavailable,
}
