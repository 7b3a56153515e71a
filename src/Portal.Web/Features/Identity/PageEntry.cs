namespace Portal.Web.Features.Identity;

/// <summary>A routable page: its template, component type, policy (if any) and whether anonymous users may open it.</summary>
public sealed record PageEntry(string Template, Type PageType, string? Policy, bool AllowAnonymous);
