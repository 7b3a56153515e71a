namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// Exports of one account and Region, and which stacks import them. An export name is unique; an export still
/// imported by another stack can be neither deleted nor changed.
/// </summary>
public sealed class ExportRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StackExport> _exports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _importers = new(StringComparer.Ordinal);

    public IReadOnlyList<StackExport> List()
    {
        lock (_gate)
        {
            return _exports.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        }
    }

    public string? ValueOf(string name)
    {
        lock (_gate)
        {
            return _exports.TryGetValue(name, out var export) ? export.Value : null;
        }
    }

    /// <summary>Stack ids that import <paramref name="name"/>.</summary>
    public IReadOnlyList<string> ImportersOf(string name)
    {
        lock (_gate)
        {
            return _importers.TryGetValue(name, out var set) ? set.ToList() : [];
        }
    }

    /// <summary>
    /// Replaces the exports of <paramref name="stackId"/> with <paramref name="exports"/> (name → value).
    /// Returns AWS's failure text, or null when applied.
    /// </summary>
    public string? TrySetExports(string stackId, IReadOnlyDictionary<string, string> exports, Func<string, string> stackNameOf)
    {
        ArgumentNullException.ThrowIfNull(exports);
        ArgumentNullException.ThrowIfNull(stackNameOf);
        lock (_gate)
        {
            foreach (var (name, _) in exports)
            {
                if (_exports.TryGetValue(name, out var existing) && existing.ExportingStackId != stackId)
                {
                    return $"Export with name {name} is already exported by stack {stackNameOf(existing.ExportingStackId)}";
                }
            }

            foreach (var owned in _exports.Values.Where(e => e.ExportingStackId == stackId).OrderBy(e => e.Name, StringComparer.Ordinal).ToList())
            {
                var importers = _importers.TryGetValue(owned.Name, out var set) ? set.Where(s => s != stackId).ToList() : [];
                if (importers.Count == 0)
                {
                    continue;
                }

                if (!exports.TryGetValue(owned.Name, out var newValue))
                {
                    return $"Export {owned.Name} cannot be deleted as it is in use by {string.Join(", ", importers.Select(stackNameOf))}";
                }

                if (newValue != owned.Value)
                {
                    return $"Export {owned.Name} cannot be updated as it is in use by {string.Join(", ", importers.Select(stackNameOf))}";
                }
            }

            foreach (var owned in _exports.Values.Where(e => e.ExportingStackId == stackId).ToList())
            {
                _exports.Remove(owned.Name);
            }

            foreach (var (name, value) in exports)
            {
                _exports[name] = new StackExport(name, value, stackId);
            }

            return null;
        }
    }

    /// <summary>Returns AWS's refusal text when an export of <paramref name="stackId"/> is imported by another stack, else null.</summary>
    public string? DeletionBlocker(string stackId, Func<string, string> stackNameOf)
    {
        ArgumentNullException.ThrowIfNull(stackNameOf);
        lock (_gate)
        {
            foreach (var owned in _exports.Values.Where(e => e.ExportingStackId == stackId).OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (_importers.TryGetValue(owned.Name, out var set) && set.Any(s => s != stackId))
                {
                    return $"Export {owned.Name} cannot be deleted as it is in use by {string.Join(", ", set.Where(s => s != stackId).Select(stackNameOf))}";
                }
            }

            return null;
        }
    }

    /// <summary>Records that <paramref name="stackId"/> now imports exactly <paramref name="names"/>.</summary>
    public void SetImports(string stackId, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        lock (_gate)
        {
            foreach (var set in _importers.Values)
            {
                set.Remove(stackId);
            }

            foreach (var name in names)
            {
                if (!_importers.TryGetValue(name, out var set))
                {
                    _importers[name] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(stackId);
            }
        }
    }

    /// <summary>Drops every export and import of a deleted stack.</summary>
    public void Release(string stackId)
    {
        lock (_gate)
        {
            foreach (var owned in _exports.Values.Where(e => e.ExportingStackId == stackId).ToList())
            {
                _exports.Remove(owned.Name);
            }

            foreach (var set in _importers.Values)
            {
                set.Remove(stackId);
            }
        }
    }

    internal (IReadOnlyList<StackExport> Exports, IReadOnlyDictionary<string, IReadOnlyList<string>> Importers) Capture()
    {
        lock (_gate)
        {
            return (
                _exports.Values.ToList(),
                _importers.Where(i => i.Value.Count > 0).ToDictionary(i => i.Key, i => (IReadOnlyList<string>)i.Value.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal));
        }
    }

    internal void Restore(IReadOnlyList<StackExport> exports, IReadOnlyDictionary<string, IReadOnlyList<string>> importers)
    {
        lock (_gate)
        {
            _exports.Clear();
            _importers.Clear();
            foreach (var export in exports)
            {
                _exports[export.Name] = export;
            }

            foreach (var (name, stacks) in importers)
            {
                _importers[name] = stacks.ToHashSet(StringComparer.Ordinal);
            }
        }
    }
}
