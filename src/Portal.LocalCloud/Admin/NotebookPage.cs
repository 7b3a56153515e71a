using System.Net;

namespace Portal.LocalCloud.Admin;

/// <summary>
/// The page a LocalCloud presigned notebook URL opens: there is no Jupyter server behind an emulated
/// notebook, so it says which notebook the URL would open and in which state it is.
/// </summary>
public static class NotebookPage
{
    public static string Render(string region, string name, string? status) =>
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>LocalCloud notebook {WebUtility.HtmlEncode(name)}</title></head>
        <body><main>
        <h1>Notebook instance {WebUtility.HtmlEncode(name)}</h1>
        <p>Region {WebUtility.HtmlEncode(region)}, status {WebUtility.HtmlEncode(status ?? "unknown")}.</p>
        <p>This notebook is emulated by LocalCloud: the presigned URL was valid, but no Jupyter server runs behind it.</p>
        </main></body></html>
        """;
}
