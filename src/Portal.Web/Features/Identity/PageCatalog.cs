using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Portal.Web.Features.Identity;

/// <summary>
/// Every routable page of the portal with its route template and authorization policy — used by the
/// access-denied page to name the missing role, and by tests to prove no page lacks a policy.
/// </summary>
public static class PageCatalog
{
    public static IReadOnlyList<PageEntry> All { get; } = typeof(PageCatalog).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => new PageEntry(
            r.Template,
            t,
            t.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).FirstOrDefault(p => p is not null),
            t.GetCustomAttribute<AllowAnonymousAttribute>() is not null)))
        .OrderBy(p => p.Template, StringComparer.Ordinal)
        .ToList();

    /// <summary>The policy that guards a page component, or null.</summary>
    public static string? PolicyOf(Type? pageType) =>
        pageType is null ? null : All.FirstOrDefault(p => p.PageType == pageType)?.Policy;

    /// <summary>The page whose route matches a local path (route parameters match any segment).</summary>
    public static PageEntry? Match(string? path)
    {
        if (string.IsNullOrEmpty(path) || !path.StartsWith('/'))
        {
            return null;
        }

        var segments = path.Split('?', '#')[0].Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return All.FirstOrDefault(p =>
        {
            var template = p.Template.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            return template.Length == segments.Length && template.Zip(segments).All(pair =>
                pair.First.StartsWith('{') || string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase));
        });
    }
}
