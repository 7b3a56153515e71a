namespace Portal.Core.Templates;

/// <summary>Finds the <c>${Name}</c> and <c>${Resource.Attribute}</c> variables of an <c>Fn::Sub</c> string.</summary>
public static class SubstitutionParser
{
    /// <summary>The variables in order; <c>${!Literal}</c> escapes are skipped.</summary>
    public static IReadOnlyList<string> Variables(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var variables = new List<string>();
        var index = 0;
        while ((index = text.IndexOf("${", index, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf('}', index + 2);
            if (end < 0)
            {
                break;
            }

            var name = text[(index + 2)..end].Trim();
            if (name.Length > 0 && name[0] != '!')
            {
                variables.Add(name);
            }

            index = end + 1;
        }

        return variables;
    }
}
