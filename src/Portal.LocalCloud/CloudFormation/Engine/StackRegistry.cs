using System.Text.RegularExpressions;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>The stacks of one account and Region, live and deleted (deleted ones stay findable by ARN).</summary>
public sealed partial class StackRegistry
{
    private readonly Lock _gate = new();
    private readonly List<Stack> _stacks = [];

    /// <summary>All stacks, oldest first, including deleted ones (ListStacks).</summary>
    public IReadOnlyList<Stack> All()
    {
        lock (_gate)
        {
            return _stacks.ToList();
        }
    }

    /// <summary>A live stack by name, or any stack by ARN (DescribeStacks semantics); null when none.</summary>
    public Stack? Find(string stackNameOrId)
    {
        ArgumentNullException.ThrowIfNull(stackNameOrId);
        lock (_gate)
        {
            return stackNameOrId.StartsWith("arn:", StringComparison.Ordinal)
                ? _stacks.FirstOrDefault(s => s.StackId == stackNameOrId)
                : _stacks.LastOrDefault(s => s.StackName == stackNameOrId && !s.IsDeleted);
        }
    }

    /// <summary>Like <see cref="Find"/> but throws AWS's <c>Stack with id X does not exist</c>.</summary>
    public Stack Get(string stackNameOrId) =>
        Find(stackNameOrId) ?? throw CloudFormationException.Validation($"Stack with id {stackNameOrId} does not exist");

    internal string NameOf(string stackId)
    {
        lock (_gate)
        {
            return _stacks.FirstOrDefault(s => s.StackId == stackId)?.StackName ?? stackId;
        }
    }

    /// <summary>Adds a new stack unless a live one has the name (AlreadyExistsException <c>Stack [X] already exists</c>).</summary>
    internal void Add(Stack stack)
    {
        lock (_gate)
        {
            if (_stacks.Any(s => s.StackName == stack.StackName && !s.IsDeleted))
            {
                throw new CloudFormationException(CloudFormationException.AlreadyExists, $"Stack [{stack.StackName}] already exists");
            }

            _stacks.Add(stack);
        }
    }

    internal void Restore(Stack stack)
    {
        lock (_gate)
        {
            _stacks.Add(stack);
        }
    }

    /// <summary>Throws AWS's stackName validation error for a bad name.</summary>
    public static void ValidateName(string stackName)
    {
        ArgumentNullException.ThrowIfNull(stackName);
        if (stackName.Length > 128 || !NamePattern().IsMatch(stackName))
        {
            throw CloudFormationException.Validation(
                $"1 validation error detected: Value '{stackName}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*");
        }
    }

    [GeneratedRegex("^[a-zA-Z][-a-zA-Z0-9]*$")]
    private static partial Regex NamePattern();
}
