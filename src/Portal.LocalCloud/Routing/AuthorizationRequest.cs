using System.Text.Json.Nodes;
using Portal.LocalCloud.Auth;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Routing;

/// <summary>
/// What an authorizer sees: the caller, the service's signing name and operation, the region and the
/// request's parameters (JSON body for JSON services, query parameters for Query/EC2; both null for S3),
/// plus the state to read the caller's role policies from.
/// </summary>
public sealed record AuthorizationRequest(
    CallerIdentity Caller,
    string Service,
    string Operation,
    string Region,
    JsonObject? JsonBody,
    QueryInput? QueryParameters,
    WireRequest Request,
    CloudState State);
