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
    /// Opens an editor dialog and waits until its first field has the focus the editor gives it on its first render:
    /// from then on nothing moves the focus but the test, so every fill lands in the field it names. (Radzen's own
    /// focus jump, half a second after opening, once took a trigger value typed at that moment; DashboardDialogs.)
    /// </summary>
    public static async Task OpenEditorAsync(IPage page, ILocator opener, string firstFieldSelector)
    {
        await opener.ClickAsync();
        await Assertions.Expect(page.Locator(firstFieldSelector)).ToBeFocusedAsync();
    }

    /// <inheritdoc cref="OpenEditorAsync(IPage, ILocator, string)"/>
    public static Task OpenEditorAsync(IPage page, string openerSelector, string firstFieldSelector) =>
        OpenEditorAsync(page, page.Locator(openerSelector), firstFieldSelector);

    /// <summary>
    /// Fills the fields, then fills each again and checks what the page shows before the caller saves. Values typed
    /// into the dialogs at machine speed were lost on CI three times (an empty IMPI, a missing OP, an empty trigger
    /// value): Radzen's delayed focus jump took the keystrokes, which the editors now turn off (DashboardDialogs). A
    /// second input event per field, once the dialog is quiet, keeps the server's copy equal to what the page shows
    /// should anything else ever move the focus.
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
            throw new Xunit.Sdk.XunitException($"{selector} {failed}; {dialogSelector} shows:\n{shown}\n({failure.Message.Split('\n')[0]})\n"
                + BrowserDiagnostics.Describe(page));
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
