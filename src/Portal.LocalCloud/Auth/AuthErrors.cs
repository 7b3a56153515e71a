using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.Auth;

/// <summary>The error each protocol answers for an authentication failure, as AWS does.</summary>
public static class AuthErrors
{
    private const string SignatureMessage =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private const string InvalidTokenMessage = "The security token included in the request is invalid.";

    public static ServiceException For(WireProtocol protocol, AuthFailure failure, string detail) =>
        (protocol, failure) switch
        {
            (WireProtocol.Json, AuthFailure.Missing) => new("MissingAuthenticationTokenException", "Missing Authentication Token", 403),
            (WireProtocol.Json, AuthFailure.Malformed) => new("IncompleteSignatureException", detail, 400),
            (WireProtocol.Json, AuthFailure.UnknownKey) => new("UnrecognizedClientException", InvalidTokenMessage, 400),
            (WireProtocol.Json, AuthFailure.BadSignature) => new("InvalidSignatureException", SignatureMessage, 400),
            (WireProtocol.Json, AuthFailure.ExpiredToken) => new("ExpiredTokenException", "The security token included in the request is expired", 400),
            (WireProtocol.Json, AuthFailure.ClockSkew) => new("InvalidSignatureException", detail, 400),
            (WireProtocol.Query, AuthFailure.Missing) => new("MissingAuthenticationToken", "Request is missing Authentication Token", 403),
            (WireProtocol.Query, AuthFailure.Malformed) => new("IncompleteSignature", detail, 400),
            (WireProtocol.Query, AuthFailure.UnknownKey) => new("InvalidClientTokenId", InvalidTokenMessage, 403),
            (WireProtocol.Query, AuthFailure.BadSignature) => new("SignatureDoesNotMatch", SignatureMessage, 403),
            (WireProtocol.Query, AuthFailure.ExpiredToken) => new("ExpiredToken", "The security token included in the request is expired", 403),
            (WireProtocol.Query, AuthFailure.ClockSkew) => new("SignatureDoesNotMatch", detail, 403),
            (WireProtocol.Ec2, AuthFailure.Missing) => new("MissingAuthenticationToken", "Request is missing Authentication Token", 401),
            (WireProtocol.Ec2, AuthFailure.ExpiredToken) => new("RequestExpired", "Request has expired.", 400),
            (WireProtocol.Ec2, AuthFailure.BadSignature) => new("AuthFailure", SignatureMessage, 401),
            (WireProtocol.Ec2, _) => new("AuthFailure", "AWS was not able to validate the provided access credentials", 401),
            (_, AuthFailure.Missing) => new("AccessDenied", "Access Denied", 403),
            (_, AuthFailure.Malformed) => new("AuthorizationHeaderMalformed", detail, 400),
            (_, AuthFailure.UnknownKey) => new("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403),
            (_, AuthFailure.BadSignature) => new("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.", 403),
            (_, AuthFailure.ExpiredToken) => new("ExpiredToken", "The provided token has expired.", 400),
            _ => new("RequestTimeTooSkewed", detail, 403),
        };
}
