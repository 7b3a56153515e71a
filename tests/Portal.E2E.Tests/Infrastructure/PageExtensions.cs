using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Portal.E2E.Tests.Infrastructure;

public static class PageExtensions
{
    /// <summary>Waits until the Blazor circuit is interactive; clicks on prerendered HTML would do nothing.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("#render-mode[data-interactive=yes]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Signs in through the development sign-in page as one of the demo users.</summary>
    public static async Task SignInAsync(this IPage page, string login, string returnUrl = "/")
    {
        await page.GotoAsync($"/account/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.Locator($"#signin-{login}").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == returnUrl);
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Runs axe-core and returns the serious and critical violations, formatted for an assertion message.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(this IPage page)
    {
        // Colours are measured once theme and hover transitions have settled, as a person would see them.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} [{v.Impact}] {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
    }

    /// <summary>Fails with every serious or critical axe-core violation spelled out.</summary>
    public static async Task AssertNoSeriousAccessibilityViolationsAsync(this IPage page)
    {
        var violations = await page.SeriousAccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"axe-core on {page.Url}:\n" + string.Join("\n", violations));
    }
}
