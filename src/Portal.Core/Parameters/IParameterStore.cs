using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Parameters;

/// <summary>Reads configuration parameters (for example a project's ds-* environment settings) by exact name.</summary>
public interface IParameterStore
{
    /// <summary>Reads the named parameters (decrypted), any number of names; missing names are reported, not failed.</summary>
    Task<Result<ParameterLookup>> GetParametersAsync(ActingIdentity identity, IReadOnlyCollection<string> names, CancellationToken cancellationToken);
}
