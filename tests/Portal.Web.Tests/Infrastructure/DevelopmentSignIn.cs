using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Web.Tests.Infrastructure;

/// <summary>Signs an HttpClient in through the development sign-in form, antiforgery token included, as a browser would.</summary>
public static partial class DevelopmentSignIn
{
    public static async Task<HttpClient> ClientForAsync(PortalFactory factory, string? login, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        if (login is not null)
        {
            var response = await SignInAsync(client, login, "/", ct);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Sign-in as {login} answered {(int)response.StatusCode}.");
            }
        }

        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string login, string returnUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(new Uri("/account/signin", UriKind.Relative), ct);
        var token = AntiforgeryToken(page);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["login"] = login,
            ["returnUrl"] = returnUrl,
        });
        return await client.PostAsync(new Uri("/account/dev-signin", UriKind.Relative), form, ct);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("No antiforgery token in the page.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
