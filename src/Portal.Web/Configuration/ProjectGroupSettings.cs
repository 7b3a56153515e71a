namespace Portal.Web.Configuration;

/// <summary>Group name templates; <c>{project}</c> stands for the project name.</summary>
public sealed class ProjectGroupSettings
{
    /// <summary>Members of this group are data scientists in the project. Default <c>ds-{project}-users</c>.</summary>
    public string Users { get; set; } = "ds-{project}-users";

    /// <summary>Members of this group administer the project. Default <c>ds-{project}-admins</c>.</summary>
    public string Admins { get; set; } = "ds-{project}-admins";
}
