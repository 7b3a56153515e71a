namespace Portal.Web.Features.Identity;

/// <summary>The answer of <c>GET /api/v1/projects/{project}/access</c>.</summary>
public sealed record ProjectAccessResponse(string Project, bool CanView, bool CanOperate, bool CanAdminister);
