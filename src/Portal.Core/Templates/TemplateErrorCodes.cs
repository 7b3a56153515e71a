namespace Portal.Core.Templates;

/// <summary>The codes of <see cref="TemplateDiagnostic"/>s.</summary>
public static class TemplateErrorCodes
{
    /// <summary>The file could not be read at all (used by callers that read files).</summary>
    public const string Unreadable = "TPL000";

    public const string Syntax = "TPL001";
    public const string DuplicateKey = "TPL002";
    public const string TooLarge = "TPL003";
    public const string TooDeep = "TPL004";
    public const string AliasExpansion = "TPL005";
    public const string UnknownTag = "TPL006";
    public const string UnknownFunction = "TPL007";
    public const string MalformedFunction = "TPL008";
    public const string UndefinedReference = "TPL009";
    public const string DependencyCycle = "TPL010";
    public const string Structure = "TPL011";
    public const string InvalidParameter = "TPL012";
}
