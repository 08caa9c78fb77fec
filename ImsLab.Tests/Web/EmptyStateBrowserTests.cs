using ImsLab.Tests.Api;
using Microsoft.Playwright;

namespace ImsLab.Tests.Web;

/// <summary>A fresh installation: every provisioning page tells a newcomer what to do instead of showing an empty table.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmptyStateBrowserTests
{
    [Fact]
    public async Task ANewcomerSeesWhatToDoOnEmptySubscriberProfileAndApiKeyPages()
    {
        // A host of its own: the shared one holds what the other tests created.
        var browser = new BrowserFixture();
        await browser.InitializeAsync();
        try
        {
            var page = await browser.NewPageAsync();
            await DashboardPage.LogInAsync(page, "admin", ApiFactory.AdminPassword, "/subscribers");
            await DashboardPage.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("#subscribers-empty")).ToContainTextAsync("New subscriber");
            await Assertions.Expect(page.Locator("#subscribers-empty")).ToContainTextAsync("--ImsLab:Demo:Seed=true");
            await BrowserFixture.ScreenshotAsync(page, "subscribers-empty");

            await page.GotoAsync("/service-profiles");
            await Assertions.Expect(page.Locator("#profiles-empty")).ToContainTextAsync("No service profiles yet");
            await BrowserFixture.ScreenshotAsync(page, "service-profiles-empty");

            await page.GotoAsync("/api-keys");
            await Assertions.Expect(page.Locator("#api-keys-empty")).ToContainTextAsync("No API keys yet");
            await BrowserFixture.ScreenshotAsync(page, "api-keys-empty");

            await page.GotoAsync("/events");
            await DashboardPage.WaitForCircuitAsync(page);
            await page.FillAsync("#events-identity", "sip:nobody@ims.example.org");
            await page.PressAsync("#events-identity", "Enter");
            await Assertions.Expect(page.Locator("#events-empty")).ToContainTextAsync("No event matches these filters");
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }
}
