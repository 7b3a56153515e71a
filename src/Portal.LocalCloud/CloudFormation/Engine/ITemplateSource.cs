namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// Fetches a template body by URL: CreateStack/UpdateStack <c>TemplateURL</c> and nested stacks' <c>TemplateURL</c>.
/// LocalCloud reads it from its S3 store (every AWS S3 URL form and its own); null means no such object.
/// </summary>
public interface ITemplateSource
{
    Task<string?> GetTemplateBodyAsync(string templateUrl, CancellationToken cancellationToken);
}
