using Microsoft.AspNetCore.Diagnostics;

namespace Portal.Web.Hosting;

/// <summary>
/// Turns an unhandled exception in an API request into a ProblemDetails answer without internals.
/// Page requests fall through to the <c>/Error</c> page. The exception middleware logs the full exception.
/// </summary>
public sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is BadHttpRequestException bad)
        {
            // Malformed input (a form without its antiforgery token, an unreadable body): the caller's fault, not ours.
            await TypedResults.Problem(statusCode: bad.StatusCode, title: "The request could not be read.", detail: "Reload the page and try again.")
                .ExecuteAsync(httpContext);
            return true;
        }

        // The middleware has already pointed Request.Path at the error page; the original path is in the feature.
        var originalPath = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!new PathString(originalPath).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        await TypedResults.Problem(
            statusCode: StatusCodes.Status500InternalServerError,
            title: "The portal could not complete the request.",
            detail: "The error was logged. Retry, or give your administrator the trace id.",
            extensions: new Dictionary<string, object?> { ["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier })
            .ExecuteAsync(httpContext);
        return true;
    }
}
