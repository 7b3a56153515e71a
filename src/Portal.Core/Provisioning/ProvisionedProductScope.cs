namespace Portal.Core.Provisioning;

/// <summary>Whose provisioned products a search covers.</summary>
public enum ProvisionedProductScope
{
    /// <summary>Everything in the account (administrators).</summary>
    Account,

    /// <summary>Everything launched through the caller's role.</summary>
    Role,

    /// <summary>Only what the caller launched.</summary>
    User,
}
