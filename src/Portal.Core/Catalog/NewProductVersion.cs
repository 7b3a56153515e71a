namespace Portal.Core.Catalog;

/// <summary>A product version to publish from a CloudFormation template at an HTTPS (or S3) URL.</summary>
public sealed record NewProductVersion(string Name, string TemplateUrl, string? Description = null, bool DisableTemplateValidation = false);
