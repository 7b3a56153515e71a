namespace Portal.Aws.CloudFormation;

// Request and response shapes, member names exactly as in botocore's cloudformation 2010-05-15 model.
internal sealed record CfnParameter { public string? ParameterKey { get; init; } public string? ParameterValue { get; init; } public bool? UsePreviousValue { get; init; } }

internal sealed record CfnTag { public string? Key { get; init; } public string? Value { get; init; } }

internal sealed record CfnCreateStackRequest
{
    public required string StackName { get; init; }
    public string? TemplateBody { get; init; }
    public string? TemplateURL { get; init; }
    public IReadOnlyList<CfnParameter>? Parameters { get; init; }
    public bool? DisableRollback { get; init; }
    public IReadOnlyList<string>? Capabilities { get; init; }
    public string? RoleARN { get; init; }
    public IReadOnlyList<CfnTag>? Tags { get; init; }
    public string? ClientRequestToken { get; init; }
}

internal sealed record CfnStackIdResponse { public string? StackId { get; init; } }

internal sealed record CfnUpdateStackRequest
{
    public required string StackName { get; init; }
    public string? TemplateBody { get; init; }
    public string? TemplateURL { get; init; }
    public bool? UsePreviousTemplate { get; init; }
    public IReadOnlyList<CfnParameter>? Parameters { get; init; }
    public IReadOnlyList<string>? Capabilities { get; init; }
    public string? ClientRequestToken { get; init; }
}

internal sealed record CfnDeleteStackRequest { public required string StackName { get; init; } public string? ClientRequestToken { get; init; } }

internal sealed record CfnEmptyResponse;

internal sealed record CfnStackNameRequest { public string? StackName { get; init; } public string? NextToken { get; init; } }

internal sealed record CfnOutput { public string? OutputKey { get; init; } public string? OutputValue { get; init; } public string? Description { get; init; } public string? ExportName { get; init; } }

internal sealed record CfnStack
{
    public string? StackId { get; init; }
    public string? StackName { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<CfnParameter>? Parameters { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public DateTimeOffset? LastUpdatedTime { get; init; }
    public string? StackStatus { get; init; }
    public string? StackStatusReason { get; init; }
    public IReadOnlyList<string>? Capabilities { get; init; }
    public IReadOnlyList<CfnOutput>? Outputs { get; init; }
    public IReadOnlyList<CfnTag>? Tags { get; init; }
}

internal sealed record CfnDescribeStacksResponse { public IReadOnlyList<CfnStack>? Stacks { get; init; } public string? NextToken { get; init; } }

internal sealed record CfnStackEvent
{
    public string? StackId { get; init; }
    public string? EventId { get; init; }
    public string? StackName { get; init; }
    public string? LogicalResourceId { get; init; }
    public string? PhysicalResourceId { get; init; }
    public string? ResourceType { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public string? ResourceStatus { get; init; }
    public string? ResourceStatusReason { get; init; }
}

internal sealed record CfnDescribeStackEventsResponse { public IReadOnlyList<CfnStackEvent>? StackEvents { get; init; } public string? NextToken { get; init; } }

internal sealed record CfnDescribeStackResourcesRequest { public required string StackName { get; init; } }

internal sealed record CfnStackResource
{
    public string? LogicalResourceId { get; init; }
    public string? PhysicalResourceId { get; init; }
    public string? ResourceType { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public string? ResourceStatus { get; init; }
    public string? ResourceStatusReason { get; init; }
}

internal sealed record CfnDescribeStackResourcesResponse { public IReadOnlyList<CfnStackResource>? StackResources { get; init; } }

internal sealed record CfnValidateTemplateRequest { public string? TemplateBody { get; init; } public string? TemplateURL { get; init; } }

internal sealed record CfnTemplateParameter { public string? ParameterKey { get; init; } public string? DefaultValue { get; init; } public bool? NoEcho { get; init; } public string? Description { get; init; } }

internal sealed record CfnValidateTemplateResponse { public IReadOnlyList<CfnTemplateParameter>? Parameters { get; init; } public string? Description { get; init; } public IReadOnlyList<string>? Capabilities { get; init; } public string? CapabilitiesReason { get; init; } }

internal sealed record CfnGetTemplateRequest { public required string StackName { get; init; } public string? TemplateStage { get; init; } }

internal sealed record CfnGetTemplateResponse { public string? TemplateBody { get; init; } }

internal sealed record CfnListExportsRequest { public string? NextToken { get; init; } }

internal sealed record CfnExport { public string? ExportingStackId { get; init; } public string? Name { get; init; } public string? Value { get; init; } }

internal sealed record CfnListExportsResponse { public IReadOnlyList<CfnExport>? Exports { get; init; } public string? NextToken { get; init; } }
