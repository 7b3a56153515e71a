using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Portal.LocalCloud.Auth;
using Portal.LocalCloud.Clock;
using Portal.LocalCloud.Faults;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Routing;

/// <summary>
/// The front door: picks the protocol and service (JSON 1.1 by <c>X-Amz-Target</c>; Query/EC2 by the
/// credential scope's service and <c>Action</c>; otherwise S3 path-style), verifies SigV4, applies
/// faults, runs the operation under the state gate, persists mutations before answering, and turns
/// every failure into the protocol's AWS-shaped error.
/// </summary>
public sealed partial class LocalCloudRouter
{
    private readonly Dictionary<string, IJsonService> _json;
    private readonly Dictionary<string, IQueryService> _query;
    private readonly IRestXmlService _s3;
    private readonly IRequestAuthorizer[] _authorizers;
    private readonly CloudStateHolder _state;
    private readonly RequestAuthenticator _authenticator;
    private readonly FaultInjector _faults;
    private readonly LifecycleClock _clock;
    private readonly TimeProvider _time;
    private readonly LocalCloudOptions _options;
    private readonly ILogger<LocalCloudRouter> _logger;

    public LocalCloudRouter(
        IEnumerable<IJsonService> jsonServices,
        IEnumerable<IQueryService> queryServices,
        IRestXmlService s3,
        IEnumerable<IRequestAuthorizer> authorizers,
        CloudStateHolder state,
        RequestAuthenticator authenticator,
        FaultInjector faults,
        LifecycleClock clock,
        TimeProvider time,
        LocalCloudOptions options,
        ILogger<LocalCloudRouter> logger)
    {
        _json = jsonServices.ToDictionary(s => s.TargetPrefix, StringComparer.Ordinal);
        _query = queryServices.ToDictionary(s => s.SigningName, StringComparer.Ordinal);
        _s3 = s3;
        _authorizers = [.. authorizers];
        _state = state;
        _authenticator = authenticator;
        _faults = faults;
        _clock = clock;
        _time = time;
        _options = options;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var requestId = Guid.NewGuid().ToString();
        WireResponse response;
        var isHead = HttpMethods.IsHead(http.Request.Method);
        try
        {
            var request = await ReadAsync(http);
            response = await DispatchAsync(request, $"{http.Request.Scheme}://{http.Request.Host}", requestId, http.RequestAborted);
        }
        catch (ServiceException e)
        {
            response = ErrorWriter.Write(WireProtocol.RestXml, e, requestId, isHead: isHead);
        }

        http.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            http.Response.ContentType = response.ContentType;
        }

        if (isHead)
        {
            http.Response.ContentLength = response.ContentLengthOverride ?? response.Body.Length;
            return;
        }

        http.Response.ContentLength = response.Body.Length;
        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
    }

    /// <summary>Routes, authenticates and runs one buffered request.</summary>
    public async Task<WireResponse> DispatchAsync(WireRequest request, string endpoint, string requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Route route;
        try
        {
            route = Resolve(request);
        }
        catch (RouteException e)
        {
            return ErrorWriter.Write(e.Protocol, e.Error, requestId, e.Namespace, request.Method == "HEAD");
        }

        var decision = _faults.Decide(route.SigningName, route.Operation);
        if (decision.Latency > TimeSpan.Zero)
        {
            await Task.Delay(decision.Latency, _time, cancellationToken);
        }

        lock (_state.Gate)
        {
            try
            {
                var caller = _authenticator.Authenticate(request, route.Auth, route.Protocol, _state.State);
                if (decision.Throttle)
                {
                    throw Throttling(route);
                }

                if (decision.ServerError)
                {
                    throw ServerError(route);
                }

                foreach (var authorizer in _authorizers)
                {
                    if (authorizer.Authorize(new AuthorizationRequest(caller, route.SigningName, route.Operation, route.Auth?.Region ?? "us-east-1", route.JsonBody, route.QueryBody, request, _state.State)) is { } denial)
                    {
                        throw denial;
                    }
                }

                var context = new RequestContext
                {
                    Caller = caller,
                    Region = route.Auth?.Region ?? "us-east-1",
                    RequestId = requestId,
                    Now = _time.GetUtcNow(),
                    State = _state.State,
                    Clock = _clock,
                    Endpoint = endpoint,
                };
                var response = Invoke(route, request, context);
                if (!route.ReadOnly || context.Changed)
                {
                    _state.Save();
                }

                return response;
            }
            catch (ServiceException e)
            {
                LogServiceError(route.SigningName, route.Operation, e.Code);
                return ErrorWriter.Write(route.Protocol, e, requestId, route.Namespace, request.Method == "HEAD");
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException && e.Source == "System.Text.Json")
            {
                var error = new ServiceException(
                    route.Protocol == WireProtocol.Json ? "SerializationException" : "MalformedInput",
                    "A member of the request has the wrong type: " + e.Message);
                return ErrorWriter.Write(route.Protocol, error, requestId, route.Namespace, request.Method == "HEAD");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogUnexpected(e, route.SigningName, route.Operation);
                var error = route.Protocol == WireProtocol.Query && route.SigningName == "iam"
                    ? new ServiceException("ServiceFailure", "LocalCloud failed to process the request.", 500)
                    : new ServiceException("InternalFailure", "LocalCloud failed to process the request.", 500);
                return ErrorWriter.Write(route.Protocol, error, requestId, route.Namespace, request.Method == "HEAD");
            }
        }
    }

    private WireResponse Invoke(Route route, WireRequest request, RequestContext context)
    {
        switch (route.Protocol)
        {
            case WireProtocol.Json:
            {
                var service = _json[route.ServiceKey];
                var output = service.Invoke(route.Operation, new JsonInput(route.JsonBody!, service.ValidationErrorCode), context);
                var response = WireResponse.Text(200, "application/x-amz-json-1.1", JsonNulls.Strip(output).ToJsonString());
                response.Headers["x-amzn-RequestId"] = context.RequestId;
                return response;
            }

            case WireProtocol.Query:
            case WireProtocol.Ec2:
            {
                var service = _query[route.ServiceKey];
                var result = service.Invoke(route.Operation, route.QueryBody!, context);
                XElement root;
                if (route.Protocol == WireProtocol.Query)
                {
                    root = new XElement(
                        route.Operation + "Response",
                        result is null ? null : new XElement(route.Operation + "Result", result),
                        new XElement("ResponseMetadata", new XElement("RequestId", context.RequestId)));
                }
                else
                {
                    root = new XElement(route.Operation + "Response", new XElement("requestId", context.RequestId), result);
                }

                var response = WireResponse.Text(200, "text/xml", ErrorWriter.Xml(Xml.InNamespace(root, service.XmlNamespace)));
                response.Headers["x-amzn-RequestId"] = context.RequestId;
                return response;
            }

            default:
            {
                var response = _s3.Invoke(request, context);
                response.Headers["x-amz-request-id"] = context.RequestId;
                return response;
            }
        }
    }

    private Route Resolve(WireRequest request)
    {
        var target = request.Header("x-amz-target");
        var form = request.Method == "POST" && request.MediaType == "application/x-www-form-urlencoded";
        var formPairs = form ? Protocols.QueryString.Parse(System.Text.Encoding.UTF8.GetString(request.Body), plusIsSpace: true) : [];
        var hasAction = formPairs.Any(p => p.Key == "Action") || request.HasQuery("Action");
        var guessed = target is not null ? WireProtocol.Json : hasAction ? WireProtocol.Query : WireProtocol.RestXml;

        SigV4Authorization? auth;
        try
        {
            auth = SigV4Authorization.Parse(request);
        }
        catch (FormatException e)
        {
            throw new RouteException(guessed, AuthErrors.For(guessed, AuthFailure.Malformed, e.Message), null);
        }

        if (target is not null)
        {
            var dot = target.LastIndexOf('.');
            var prefix = dot >= 0 ? target[..dot] : target;
            var operation = dot >= 0 ? target[(dot + 1)..] : string.Empty;
            if (!_json.TryGetValue(prefix, out var service))
            {
                throw new RouteException(WireProtocol.Json, new ServiceException("UnknownOperationException", $"LocalCloud does not emulate the target '{target}'."), null);
            }

            JsonObject body;
            try
            {
                body = request.Body.Length == 0
                    ? []
                    : JsonNode.Parse(request.Body) as JsonObject ?? throw new JsonException("The body is not a JSON object.");
            }
            catch (JsonException e)
            {
                throw new RouteException(WireProtocol.Json, new ServiceException("SerializationException", "Could not parse the request body: " + e.Message), null);
            }

            return new Route(WireProtocol.Json, prefix, service.SigningName, operation, service.IsReadOnly(operation), auth, body, null, null);
        }

        var scopeService = auth?.Service;
        if (scopeService is not null && _query.TryGetValue(scopeService, out var queryService)
            || scopeService is null && hasAction)
        {
            queryService = scopeService is null ? null : _query[scopeService];
            var protocol = queryService?.Protocol ?? WireProtocol.Query;
            var pairs = Protocols.QueryString.Parse(request.RawQuery, plusIsSpace: true).Concat(formPairs);
            var input = new QueryInput(pairs);
            var action = input.Get("Action");
            if (queryService is null)
            {
                throw new RouteException(protocol, AuthErrors.For(protocol, AuthFailure.Missing, string.Empty), null);
            }

            if (string.IsNullOrEmpty(action))
            {
                throw new RouteException(protocol, new ServiceException(protocol == WireProtocol.Ec2 ? "MissingAction" : "MissingAction", "Missing Action"), queryService.XmlNamespace);
            }

            return new Route(protocol, queryService.SigningName, queryService.SigningName, action, queryService.IsReadOnly(action), auth, null, input, queryService.XmlNamespace);
        }

        if (scopeService is null or "s3")
        {
            return new Route(WireProtocol.RestXml, "s3", "s3", _s3.OperationOf(request), _s3.IsReadOnly(request), auth, null, null, null);
        }

        var fallback = hasAction ? WireProtocol.Query : WireProtocol.Json;
        throw new RouteException(
            fallback,
            new ServiceException(fallback == WireProtocol.Query ? "InvalidAction" : "UnknownOperationException", $"LocalCloud does not emulate the service '{scopeService}'."),
            null);
    }

    private static ServiceException Throttling(Route route) =>
        route.Protocol switch
        {
            WireProtocol.Query => new ServiceException("Throttling", "Rate exceeded", 400),
            WireProtocol.Ec2 => new ServiceException("RequestLimitExceeded", "Request limit exceeded.", 503),
            WireProtocol.RestXml => new ServiceException("SlowDown", "Please reduce your request rate.", 503),
            _ => new ServiceException("ThrottlingException", "Rate exceeded", 400),
        };

    private static ServiceException ServerError(Route route) =>
        route.Protocol switch
        {
            WireProtocol.Query when route.SigningName == "iam" => new ServiceException("ServiceFailure", "Injected fault: the service failed.", 500),
            WireProtocol.RestXml => new ServiceException("InternalError", "We encountered an internal error. Please try again.", 500),
            WireProtocol.Ec2 => new ServiceException("InternalError", "An internal error has occurred.", 500),
            _ => new ServiceException("ServiceUnavailable", "Injected fault: the service is unavailable.", 503),
        };

    private async Task<WireRequest> ReadAsync(HttpContext http)
    {
        var feature = http.Features.Get<IHttpRequestFeature>();
        var rawTarget = feature?.RawTarget ?? (http.Request.PathBase + http.Request.Path + http.Request.QueryString).ToString();
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = question >= 0 ? rawTarget[..question] : rawTarget;
        var rawQuery = question >= 0 ? rawTarget[(question + 1)..] : string.Empty;

        var headers = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in http.Request.Headers)
        {
            headers[name.ToLowerInvariant()] = values.Where(v => v is not null).Select(v => v!).ToArray();
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = _options.MaxRequestBytes;
        }

        if (http.Request.ContentLength > _options.MaxRequestBytes)
        {
            throw new ServiceException("EntityTooLarge", $"Your proposed upload exceeds the maximum allowed size of {_options.MaxRequestBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > _options.MaxRequestBytes)
            {
                throw new ServiceException("EntityTooLarge", $"Your proposed upload exceeds the maximum allowed size of {_options.MaxRequestBytes} bytes.");
            }
        }

        var raw = buffer.ToArray();
        return new WireRequest
        {
            Method = http.Request.Method.ToUpperInvariant(),
            RawPath = rawPath,
            RawQuery = rawQuery,
            Headers = headers,
            RawBody = raw,
            Body = AwsChunkedDecoder.IsChunked(headers) ? AwsChunkedDecoder.Decode(raw) : raw,
            Query = Protocols.QueryString.Parse(rawQuery, plusIsSpace: false),
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Service}.{Operation} answered {Code}")]
    private partial void LogServiceError(string service, string operation, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Service}.{Operation} failed unexpectedly")]
    private partial void LogUnexpected(Exception exception, string service, string operation);

    private sealed record Route(
        WireProtocol Protocol,
        string ServiceKey,
        string SigningName,
        string Operation,
        bool ReadOnly,
        SigV4Authorization? Auth,
        JsonObject? JsonBody,
        QueryInput? QueryBody,
        string? Namespace);

    private sealed class RouteException(WireProtocol protocol, ServiceException error, string? ns) : Exception(error.Message)
    {
        public WireProtocol Protocol { get; } = protocol;

        public ServiceException Error { get; } = error;

        public string? Namespace { get; } = ns;
    }
}
