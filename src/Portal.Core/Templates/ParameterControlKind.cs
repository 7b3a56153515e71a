namespace Portal.Core.Templates;

/// <summary>Which input the launch form shows for a parameter.</summary>
public enum ParameterControlKind
{
    Text,
    Number,
    Select,
    MultiSelect,
    Password,

    /// <summary>A comma-separated list of free values (CommaDelimitedList, List&lt;AWS::…&gt;).</summary>
    List,

    /// <summary>A comma-separated list of numbers (List&lt;Number&gt;).</summary>
    NumberList,
}
