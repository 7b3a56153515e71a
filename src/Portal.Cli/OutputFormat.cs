namespace Portal.Cli;

/// <summary>How <c>portal lint</c> writes its report.</summary>
public enum OutputFormat
{
    Text,
    Json,
    Sarif,
}
