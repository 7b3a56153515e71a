using System.Reflection;
using System.Xml.Linq;

namespace Portal.Web.Tests.Architecture;

/// <summary>
/// A project may not depend on names starting with any of the forbidden prefixes — checked both in its
/// project file (package and project references, even unused ones) and in its compiled assembly's references.
/// </summary>
public sealed record DependencyRule(string Project, IReadOnlyList<string> ForbiddenPrefixes)
{
    /// <summary>Forbidden package or project references declared in a project file's XML.</summary>
    public IReadOnlyList<string> ViolationsInProjectFile(string projectXml)
    {
        var doc = XDocument.Parse(projectXml);
        var packages = doc.Descendants().Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference")
            .Select(e => (string?)e.Attribute("Include") ?? string.Empty);
        var projects = doc.Descendants().Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? string.Empty).Replace('\\', '/')));
        return packages.Concat(projects).Where(IsForbidden).ToList();
    }

    /// <summary>Forbidden assemblies the compiled assembly references.</summary>
    public IReadOnlyList<string> ViolationsInAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).Where(IsForbidden).ToList();
    }

    private bool IsForbidden(string name) =>
        ForbiddenPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
