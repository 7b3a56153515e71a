using Portal.Core.Workloads;

namespace Portal.Aws.SageMaker;

/// <summary>Turns a <see cref="WorkloadQuery"/> into SageMaker's list filters: newest first, 100 per page.</summary>
internal static class SageMakerQueries
{
    public static SmListRequest ToListRequest(WorkloadQuery query, string? nextToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new SmListRequest
        {
            NextToken = nextToken,
            MaxResults = 100,
            SortBy = "CreationTime",
            SortOrder = "Descending",
            NameContains = string.IsNullOrWhiteSpace(query.NameContains) ? null : query.NameContains,
            StatusEquals = string.IsNullOrWhiteSpace(query.StatusEquals) ? null : query.StatusEquals,
            CreationTimeAfter = query.CreatedAfter,
            LastModifiedTimeAfter = query.ModifiedAfter,
        };
    }
}
