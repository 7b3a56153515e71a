using Portal.Core.Templates;

namespace Portal.Core.Guardrails;

public static partial class BaselineRules
{
    private const string BucketType = "AWS::S3::Bucket";
    private const string BucketPolicyType = "AWS::S3::BucketPolicy";
    private const string KmsKeyType = "AWS::KMS::Key";

    public static GuardrailRule BucketKmsEncryption { get; } = new()
    {
        Id = "S3-001",
        Title = "S3 bucket encrypted with a customer managed KMS key",
        Severity = GuardrailSeverity.High,
        Rationale = "Project data and models are encrypted with the project's KMS key so that only principals the key policy allows can read them, even with S3 access. S3's default (SSE-S3) or the aws/s3 managed key cannot be restricted per project.",
        Remediation = "Add BucketEncryption.ServerSideEncryptionConfiguration with SSEAlgorithm: aws:kms and KMSMasterKeyID set to the project key.",
        DocumentationTopic = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html",
        ResourceTypes = [BucketType],
        Check = (context, resource) =>
        {
            const string rule = "BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault";
            var violations = new List<RuleViolation>();
            foreach (var value in context.Resolve(resource, rule + ".SSEAlgorithm"))
            {
                if (value.Kind == ResolvedValueKind.Absent)
                {
                    violations.Add(new RuleViolation(value.Path, value.Position, $"The bucket has no KMS default encryption{value.OriginSuffix}, so S3 uses SSE-S3 with AWS-owned keys; configure SSEAlgorithm aws:kms with the project key."));
                }
                else if (value.Text is { } algorithm && !algorithm.StartsWith("aws:kms", StringComparison.OrdinalIgnoreCase))
                {
                    violations.Add(new RuleViolation(value.Path, value.Position, $"SSEAlgorithm is '{algorithm}'{value.OriginSuffix}; use aws:kms with the project key."));
                }
            }

            if (violations.Count == 0)
            {
                violations.AddRange(RequirePresent(context, resource, rule + ".KMSMasterKeyID", "without it S3 uses the AWS managed key aws/s3, whose use cannot be limited to the project."));
            }

            return violations;
        },
    };

    public static GuardrailRule BucketPublicAccessBlock { get; } = new()
    {
        Id = "S3-002",
        Title = "S3 bucket blocks all public access",
        Severity = GuardrailSeverity.High,
        Rationale = "A single public ACL or policy would expose sensitive data to the internet. Block Public Access turns such mistakes into errors.",
        Remediation = "Set PublicAccessBlockConfiguration with BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls and RestrictPublicBuckets all true.",
        DocumentationTopic = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
        ResourceTypes = [BucketType],
        Check = (context, resource) =>
        {
            var violations = new List<RuleViolation>();
            var blocks = context.Resolve(resource, "PublicAccessBlockConfiguration");
            foreach (var missing in blocks.Where(b => b.Kind == ResolvedValueKind.Absent))
            {
                violations.Add(new RuleViolation(missing.Path, missing.Position, $"The bucket has no PublicAccessBlockConfiguration{missing.OriginSuffix}; set all four settings to true."));
            }

            var present = blocks.Where(b => b.Kind == ResolvedValueKind.Literal).ToList();
            foreach (var setting in new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" })
            {
                foreach (var value in context.ResolvePath(present, setting))
                {
                    if (value.Kind == ResolvedValueKind.Absent || (value.Text is { } text && !text.Equals("true", StringComparison.OrdinalIgnoreCase)) || (value.Kind == ResolvedValueKind.Computed && value.Parameter is not null))
                    {
                        violations.Add(new RuleViolation(value.Path, value.Position, $"{setting} is {(value.Text is null ? "not set (default false)" : $"'{value.Text}'")}{value.OriginSuffix}; it must be true."));
                    }
                }
            }

            return violations;
        },
    };

    public static GuardrailRule BucketTlsOnly { get; } = new()
    {
        Id = "S3-003",
        Title = "S3 bucket policy refuses requests without TLS",
        Severity = GuardrailSeverity.Medium,
        Rationale = "Data in transit must be encrypted. Only a bucket policy that denies requests with aws:SecureTransport false guarantees that no client talks plain HTTP to the bucket.",
        Remediation = "Add a bucket policy statement: Effect Deny, Principal *, Action s3:*, Resource the bucket and bucket/*, Condition Bool aws:SecureTransport 'false'.",
        DocumentationTopic = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html",
        ResourceTypes = [BucketType],
        Check = (context, resource) => BucketPolicyStatements(context, resource)
            .Any(s => s.Effect == "Deny" && s.Conditions.Any(c => c.Is("aws:SecureTransport") && c.BaseOperator is "Bool" or "StringEquals" && c.Values.Contains("false", StringComparer.OrdinalIgnoreCase)))
                ? []
                : [AtResource(resource, "No bucket policy denies requests made without TLS (Deny when aws:SecureTransport is 'false').")],
    };

    public static GuardrailRule BucketVpcEndpointOnly { get; } = new()
    {
        Id = "S3-004",
        Title = "S3 bucket reachable only through the project's VPC endpoint",
        Severity = GuardrailSeverity.Medium,
        Rationale = "The workshop's bucket policies deny any access that does not come through the project's S3 VPC endpoint, so stolen credentials cannot read the data from outside the VPC.",
        Remediation = "Add a bucket policy statement: Effect Deny, Principal *, Action s3:GetObject/PutObject/ListBucket (or s3:*), Condition StringNotEquals aws:SourceVpce = the project endpoint id.",
        DocumentationTopic = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html",
        ResourceTypes = [BucketType],
        Check = (context, resource) => BucketPolicyStatements(context, resource)
            .Any(s => s.Effect == "Deny" && s.Conditions.Any(c => (c.Is("aws:SourceVpce") || c.Is("aws:SourceVpc")) && c.BaseOperator.Contains("Not", StringComparison.Ordinal)))
                ? []
                : [AtResource(resource, "No bucket policy denies access that does not come through the project's VPC endpoint (Deny with StringNotEquals aws:SourceVpce).")],
    };

    public static GuardrailRule KmsKeyRotation { get; } = new()
    {
        Id = "KMS-001",
        Title = "KMS keys rotate automatically",
        Severity = GuardrailSeverity.Medium,
        Rationale = "Automatic rotation limits how much data one key version protects. CloudFormation creates keys with EnableKeyRotation false unless told otherwise.",
        Remediation = "Set EnableKeyRotation: true on symmetric encryption keys.",
        DocumentationTopic = "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
        ResourceTypes = [KmsKeyType],
        Check = (context, resource) =>
        {
            var spec = context.Resolve(resource, "KeySpec");
            return spec.Any(s => s.Text is { } text && !text.Equals("SYMMETRIC_DEFAULT", StringComparison.OrdinalIgnoreCase))
                ? []
                : RequireValue(context, resource, "EnableKeyRotation", "true", "false");
        },
    };

    /// <summary>Statements of every policy that applies to a bucket: template bucket policies and a live bucket's own policy.</summary>
    private static List<PolicyStatement> BucketPolicyStatements(GuardrailContext context, GuardrailResource bucket)
    {
        var documents = new List<ResolvedValue>();
        var bucketName = bucket.Properties.GetString("BucketName");
        bool Targets(GuardrailResource policy) =>
            GuardrailContext.RefersTo(policy.Properties["Bucket"], bucket.Id)
            || (bucketName is not null && policy.Properties.GetString("Bucket") == bucketName);

        foreach (var policy in context.Resources.Where(r => r.Type == BucketPolicyType && Targets(r)))
        {
            documents.AddRange(context.Resolve(policy, "PolicyDocument"));
        }

        documents.AddRange(context.Resolve(bucket, "PolicyDocument").Where(d => d.Kind == ResolvedValueKind.Literal));
        return documents.SelectMany(d => PolicyStatement.Read(context, d)).ToList();
    }
}
