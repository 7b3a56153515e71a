using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.LocalCloud.Faults;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Admin;

/// <summary>
/// Admin endpoints under <c>/_localcloud/</c> (unsigned, loopback tooling): health, reset, a read-only
/// state dump, and the fault-injection rules.
/// </summary>
public static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/_localcloud/health", (CloudStateHolder state) =>
            Results.Ok(new { status = "ok", persistent = state.IsPersistent }));
        endpoints.MapPost("/_localcloud/reset", (CloudStateHolder state) =>
        {
            state.Reset();
            return Results.Ok(new { status = "reset" });
        });
        endpoints.MapGet("/_localcloud/state", (CloudStateHolder state) =>
            Results.Text(state.Dump(), "application/json"));
        endpoints.MapGet("/_localcloud/notebooks/{region}/{name}", (string region, string name, CloudStateHolder state) =>
        {
            var status = state.FindNotebookStatus(region, name);
            return status is null
                ? Results.NotFound()
                : Results.Content(NotebookPage.Render(region, name, status), "text/html");
        });
        endpoints.MapGet("/_localcloud/faults", (FaultInjector faults) => Results.Ok(faults.Rules));
        endpoints.MapPost("/_localcloud/faults", async (HttpRequest request, FaultInjector faults) =>
        {
            List<FaultRule>? rules;
            try
            {
                rules = await JsonSerializer.DeserializeAsync<List<FaultRule>>(
                    request.Body,
                    new JsonSerializerOptions(JsonSerializerDefaults.Web),
                    request.HttpContext.RequestAborted);
            }
            catch (JsonException e)
            {
                return Results.Problem(statusCode: 400, title: "Invalid fault rules", detail: e.Message);
            }

            try
            {
                faults.Replace(rules ?? []);
            }
            catch (ArgumentException e)
            {
                return Results.Problem(statusCode: 400, title: "Invalid fault rules", detail: e.Message);
            }

            return Results.Ok(faults.Rules);
        });
    }
}
