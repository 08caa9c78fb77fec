using Microsoft.Playwright;

namespace ImsLab.Tests.Web;

/// <summary>Steps every dashboard test takes.</summary>
internal static class DashboardPage
{
    /// <summary>Submits the login form and waits until the interactive circuit of the landing page is up.</summary>
    public static async Task LogInAsync(IPage page, string username, string password, string returnUrl = "/tools/aka")
    {
        await page.GotoAsync("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
    }

    /// <summary>MainLayout sets data-interactive once the circuit has rendered, so clicks reach the server.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);

    /// <summary>
    /// Fills the fields, then fills each again before the caller saves. On the loaded CI machine a value typed at
    /// machine speed into a field of the subscriber dialog, right after the server re-rendered a neighbouring field,
    /// twice never reached the server (the save was refused for an empty IMPI, then for a missing OP); a second input
    /// event per field, once the dialog is quiet, makes the server's copy match what the page shows.
    /// </summary>
    public static async Task FillAllAsync(IPage page, params (string Selector, string Value)[] fields)
    {
        foreach (var (selector, value) in fields)
        {
            await page.FillAsync(selector, value);
        }
        foreach (var (selector, value) in fields)
        {
            await page.FillAsync(selector, value);
            await Assertions.Expect(page.Locator(selector)).ToHaveValueAsync(value);
        }
    }

    /// <summary>
    /// Waits until a dialog closed after its save; when it stays open, the failure says what the dialog shows (the
    /// validation or conflict message), not only that it is still there.
    /// </summary>
    public static Task ExpectClosedAfterSaveAsync(IPage page, string dialogSelector) =>
        ExpectInDialogAsync(page, dialogSelector, dialogSelector, 0, "stayed open after saving");

    /// <summary>
    /// Waits until an element the last action should have added to a dialog is there; when it is not, the failure says
    /// what the dialog shows instead (a lost click has failed a full run once, and the dialog's text is the clue).
    /// </summary>
    public static Task ExpectAddedAsync(IPage page, string selector, string dialogSelector) =>
        ExpectInDialogAsync(page, selector, dialogSelector, 1, "did not appear");

    private static async Task ExpectInDialogAsync(IPage page, string selector, string dialogSelector, int count, string failed)
    {
        try
        {
            await Assertions.Expect(page.Locator(selector)).ToHaveCountAsync(count, new() { Timeout = 15_000 });
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
        {
            var shown = await page.Locator(dialogSelector).InnerTextAsync(new() { Timeout = 1_000 });
            throw new Xunit.Sdk.XunitException($"{selector} {failed}; {dialogSelector} shows:\n{shown}\n({failure.Message.Split('\n')[0]})");
        }
    }

    /// <summary>True when the page background is dark: the relative luminance of body's background is below one half.</summary>
    public const string DarkBackgroundScript = """
        () => {
            const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
            return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
        }
        """;

    public static Task<bool> IsDarkAsync(IPage page) => page.EvaluateAsync<bool>(DarkBackgroundScript);
}
