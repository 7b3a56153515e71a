using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Core.Audit;
using Portal.Core.Identity;
using Portal.Web.Features.Identity;

namespace Portal.Web.Components.Shared;

/// <summary>Says the page was refused and which role would open it; records the refusal when asked to.</summary>
public partial class AccessDeniedNotice
{
    /// <summary>The page that was refused.</summary>
    [Parameter]
    public Type? PageType { get; set; }

    /// <summary>Record an audit event (for refusals inside the circuit; HTTP refusals are recorded by the cookie handler).</summary>
    [Parameter]
    public bool RecordInAudit { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IAuditTrail AuditTrail { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private string Explanation
    {
        get
        {
            var policy = PageCatalog.PolicyOf(PageType);
            return policy is not null && PortalPolicies.RolesByPolicy.TryGetValue(policy, out var roles)
                ? "It needs one of: " + string.Join(", ", roles.Select(PortalRoleNames.DisplayName)) + "."
                : string.Empty;
        }
    }

    protected override async Task OnInitializedAsync()
    {
        if (RecordInAudit && RendererInfo.IsInteractive && AuthenticationState is not null)
        {
            var user = (await AuthenticationState).User.ToPortalUser();
            await AuditTrail.AppendAsync(
                HttpAudit.EventFor(user, AuditActions.AccessDenied, AuditOutcome.Denied, target: "/" + Navigation.ToBaseRelativePath(Navigation.Uri)),
                CancellationToken.None);
        }
    }
}
