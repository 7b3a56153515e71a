using Portal.Core.Audit;
using Portal.Core.Identity;
using Portal.Core.Projects;

namespace Portal.Web.Features.Identity;

/// <summary>Identity endpoints of the REST API (<c>/api/v1</c>): who am I, which projects may I see.</summary>
public static class ApiEndpoints
{
    public static RouteGroupBuilder MapIdentityApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/me", (HttpContext context) => TypedResults.Ok(MeResponse.From(context.User.ToPortalUser())))
            .RequireAuthorization(PortalPolicies.SignedIn)
            .WithName("GetMe")
            .WithSummary("The signed-in user's name, portal roles and projects.");
        api.MapGet("/projects/{project}/access", (Delegate)ProjectAccessAsync)
            .RequireAuthorization(PortalPolicies.SignedIn)
            .WithName("GetProjectAccess")
            .WithSummary("What the signed-in user may do in a project; 403 for a project the user does not belong to.");
        return api;
    }

    private static async Task<IResult> ProjectAccessAsync(HttpContext context, string project)
    {
        var name = ProjectName.Create(project);
        if (!name.IsSuccess)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid project name.", detail: name.Error!.Message);
        }

        var user = context.User.ToPortalUser();
        var view = ProjectAccess.CanView(user, project);
        if (!view.IsSuccess)
        {
            await HttpAudit.RecordAsync(context, user, AuditActions.AccessDenied, AuditOutcome.Denied, target: context.Request.Path.Value, project: project);
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Access denied.", detail: view.Error!.Message);
        }

        return TypedResults.Ok(new ProjectAccessResponse(
            project,
            CanView: true,
            CanOperate: ProjectAccess.CanOperate(user, project).IsSuccess,
            CanAdminister: ProjectAccess.CanAdminister(user, project).IsSuccess));
    }
}
