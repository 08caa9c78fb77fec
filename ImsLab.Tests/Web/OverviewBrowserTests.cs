using System.Text.RegularExpressions;
using ImsLab.Sip;
using ImsLab.Sip.Transport;
using ImsLab.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImsLab.Tests.Web;

/// <summary>The Overview page at "/": live counters, listeners, the chart, the latest events and the empty state.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OverviewBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheOverviewTellsANewcomerHowToRegisterThenCountsTheUeLive()
    {
        var engine = browser.Host.Services.GetRequiredService<ImsLabSipEngine>();
        // Every browser test deregisters its UEs when it ends, so the registrar is empty here.
        Assert.Equal(0, engine.RegisteredContacts);
        var udp = engine.BoundEndpoints.First(e => e.Protocol == SipTransportProtocol.Udp).EndPoint;
        var page = await browser.NewPageAsync();
        await DashboardPage.LogInAsync(page, "admin", ApiFactory.AdminPassword, "/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await DashboardPage.WaitForCircuitAsync(page);

        await Assertions.Expect(page.Locator("#getting-started")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#uesim-command")).ToContainTextAsync($"--registrar {udp}");
        await Assertions.Expect(page.Locator("#listeners")).ToContainTextAsync($"UDP {udp}");
        await Assertions.Expect(page.Locator("#registered-contacts")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#nav-menu")).ToContainTextAsync("API keys");
        await BrowserFixture.ScreenshotAsync(page, "overview-empty");

        await using var ue = await BrowserUe.ProvisionAsync(browser.Host.Services, "overview");
        await ue.RegisterAsync();

        await Assertions.Expect(page.Locator("#registered-contacts")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#getting-started")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#latest-events")).ToContainTextAsync(ue.Impu);
        await Assertions.Expect(page.Locator("#latest-events")).ToContainTextAsync("Registered");
        await Assertions.Expect(page.Locator("#registrations-chart svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#registrations-chart")).ToContainTextAsync("Auth failures");
        await BrowserFixture.ScreenshotAsync(page, "overview");

        await page.ClickAsync("#theme-toggle");
        await page.WaitForFunctionAsync(DashboardPage.DarkBackgroundScript);
        await BrowserFixture.ScreenshotAsync(page, "overview-dark");
        await page.ClickAsync("#theme-toggle");
        await page.WaitForFunctionAsync("() => !(" + DashboardPage.DarkBackgroundScript + ")()");

        await ue.Simulator.StopAsync(CancellationToken.None);
        await Assertions.Expect(page.Locator("#registered-contacts")).ToHaveTextAsync("0");
    }
}
