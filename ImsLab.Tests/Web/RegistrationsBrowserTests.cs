using System.Text.RegularExpressions;
using ImsLab.Data.Access;
using ImsLab.Data.Provisioning;
using ImsLab.Sip.Events;
using ImsLab.Sip.RegEvent;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Ue;
using ImsLab.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImsLab.Tests.Web;

/// <summary>
/// The live registrations table, the registration detail with its ladder and the network-initiated actions, against
/// the real host and the UE simulator registering over real UDP.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RegistrationsBrowserTests(BrowserFixture browser)
{
    private const string ViewerName = "registrations-viewer";
    private const string ViewerPassword = "viewer-test-password-1";

    private IServiceProvider Services => browser.Host.Services;

    private static ILocator Row(IPage page, BrowserUe ue) => page.Locator($"tr[data-impu=\"{ue.Impu}\"]");

    private async Task<IPage> AdminAtAsync(string path)
    {
        var page = await browser.NewPageAsync();
        await DashboardPage.LogInAsync(page, "admin", ApiFactory.AdminPassword, path);
        await DashboardPage.WaitForCircuitAsync(page);
        return page;
    }

    [Fact]
    public async Task ARegisteringUeAppearsLiveAndDeregisteringItRemovesTheRowAndNotifiesTheUe()
    {
        await using var ue = await BrowserUe.ProvisionAsync(Services, "live");
        var page = await AdminAtAsync("/registrations");
        await Assertions.Expect(Row(page, ue)).ToHaveCountAsync(0);

        await ue.RegisterAsync();

        // No reload: the row arrives through the circuit's event feed.
        var row = Row(page, ue);
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator(".imslab-chip")).ToHaveTextAsync(["MMTel", "SMSoIP"]);
        await Assertions.Expect(row).ToContainTextAsync("ImsLab-UeSim/browser-test");
        await Assertions.Expect(row).ToContainTextAsync("3GPP-E-UTRAN-FDD");
        await Assertions.Expect(row.Locator(".imslab-countdown")).ToHaveTextAsync(new Regex(@"^\d+:\d\d(:\d\d)?$"));
        await Assertions.Expect(page.Locator("#live-indicator")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "registrations");

        var bindingId = await row.GetAttributeAsync("data-binding");
        await row.Locator(".imslab-deregister").ClickAsync();
        var dialog = page.Locator("#deregister-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync(ue.Impi);
        await dialog.GetByText("Rejected: do not register again").ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "deregister-dialog");
        await page.ClickAsync("#deregister-confirm");

        await Assertions.Expect(page.Locator(".rz-notification")).ToContainTextAsync("deregistered (rejected)");
        await Assertions.Expect(Row(page, ue)).ToHaveCountAsync(0);
        var notify = await ue.NextNotificationAsync(n => n.Document?.Registrations.Any(r => r.Contacts.Any(c => c.Event == ContactEvent.Rejected)) == true);
        Assert.NotNull(notify.Document);
        Assert.Equal(UeFailureReason.NetworkRejected, (await ue.NextStateAsync(UeRegistrationState.Deregistered)).Reason);
        var logged = await EventuallyAsync(RegistrationEventType.NetworkDeregistered, ue.Impi);
        Assert.Equal("admin", logged.Actor);

        await page.GotoAsync("/registrations/" + bindingId);
        await Assertions.Expect(page.Locator("#registration-gone")).ToContainTextAsync("Registration not found");
    }

    [Fact]
    public async Task TheDetailPageDrawsTheLadderShowsAClickedMessageAndReauthenticates()
    {
        await using var ue = await BrowserUe.ProvisionAsync(Services, "ladder");
        await ue.RegisterAsync();
        var page = await AdminAtAsync("/registrations");

        await Row(page, ue).Locator(".imslab-impu").ClickAsync();

        await Assertions.Expect(page.Locator("#detail-impu")).ToHaveTextAsync(ue.Impu);
        var arrows = page.Locator("#sip-ladder .imslab-ladder-arrow");
        await Assertions.Expect(arrows.First).ToHaveAttributeAsync("data-label", "REGISTER");
        // TS 24.228 6.2 and 6.5: registration, then the reg-event subscription and its first NOTIFY.
        await Assertions.Expect(page.Locator("#sip-ladder .imslab-ladder-arrow[data-label='NOTIFY']")).ToHaveCountAsync(1);
        Assert.Equal(["REGISTER", "401 Unauthorized", "REGISTER", "200 OK", "SUBSCRIBE", "200 OK", "NOTIFY", "200 OK"],
            await arrows.EvaluateAllAsync<string[]>("all => all.map(a => a.dataset.label)"));
        await page.Locator("#sip-ladder .imslab-ladder-arrow[data-label='401 Unauthorized']").First.ClickAsync();
        await Assertions.Expect(page.Locator("#message-title")).ToContainTextAsync("401 Unauthorized");
        await Assertions.Expect(page.Locator("#sip-message .imslab-sip-header-name", new() { HasText = "WWW-Authenticate" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#sip-message")).ToContainTextAsync("algorithm=AKAv1-MD5");
        await BrowserFixture.ScreenshotAsync(page, "registration-detail");
        await arrows.Last.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "registration-detail-ladder");

        await page.ClickAsync("#theme-toggle");
        await page.WaitForFunctionAsync(DashboardPage.DarkBackgroundScript);
        await BrowserFixture.ScreenshotAsync(page, "registration-detail-dark");
        await page.ClickAsync("#theme-toggle");

        await page.Locator(".imslab-reauthenticate").ClickAsync();
        await page.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "Re-authenticate" }).ClickAsync();

        await Assertions.Expect(page.Locator(".rz-notification")).ToContainTextAsync("must re-authenticate");
        await ue.NextNotificationAsync(n => n.Document?.Registrations.Any(r => r.Contacts.Any(c => c.Event == ContactEvent.Shortened)) == true);
        var logged = await EventuallyAsync(RegistrationEventType.ReauthenticationRequested, ue.Impi);
        Assert.Equal("admin", logged.Actor);
    }

    [Fact]
    public async Task ABurstOfThousandsOfEventsDoesNotFreezeThePage()
    {
        var page = await AdminAtAsync("/registrations");
        var bus = Services.GetRequiredService<RegistrationEventBus>();
        var now = DateTimeOffset.UtcNow;

        // A registration storm as the page sees it: every event asks for a refresh of the table.
        for (var i = 0; i < 5000; i++)
        {
            bus.Publish(new RegistrationEvent
            {
                Id = Guid.CreateVersion7(now), OccurredAt = now, Type = RegistrationEventType.Refreshed, Impu = $"sip:burst-{i}@burst.invalid",
                Reason = "browser test burst", Actor = "test",
            });
        }
        await using var ue = await BrowserUe.ProvisionAsync(Services, "burst");
        await ue.RegisterAsync();

        // The circuit drained the burst in a few batches and still follows the registrar and the keyboard.
        await Assertions.Expect(Row(page, ue)).ToHaveCountAsync(1);
        await page.FillAsync("#registration-search", "no-such-registration");
        await Assertions.Expect(page.Locator("#registration-total")).ToHaveTextAsync("0 contacts");
    }

    [Fact]
    public async Task AViewerSeesRegistrationsButNoActions()
    {
        var created = await Services.GetRequiredService<AccessStore>().CreateUserAsync(ViewerName, ViewerPassword, UserRole.Viewer, "test", CancellationToken.None);
        Assert.True(created is ProvisioningResult<UserAccountInfo>.Created or ProvisioningResult<UserAccountInfo>.Conflict, created.ToString());
        await using var ue = await BrowserUe.ProvisionAsync(Services, "viewer");
        await ue.RegisterAsync();
        var page = await browser.NewPageAsync();
        await DashboardPage.LogInAsync(page, ViewerName, ViewerPassword, "/registrations");
        await DashboardPage.WaitForCircuitAsync(page);

        await Assertions.Expect(Row(page, ue)).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".imslab-deregister, .imslab-reauthenticate")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#registrations-grid th", new() { HasText = "Actions" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#nav-menu")).Not.ToContainTextAsync("API keys");
        await BrowserFixture.ScreenshotAsync(page, "registrations-viewer");

        await Row(page, ue).Locator(".imslab-impu").ClickAsync();
        await Assertions.Expect(page.Locator("#detail-impu")).ToHaveTextAsync(ue.Impu);
        await Assertions.Expect(page.Locator(".imslab-deregister, .imslab-reauthenticate")).ToHaveCountAsync(0);
    }

    private async Task<RegistrationEvent> EventuallyAsync(RegistrationEventType type, string impi)
    {
        // The event log is written in the background (real database I/O): poll it with a deadline.
        var log = Services.GetRequiredService<IRegistrationEventLog>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = await log.QueryAsync(new RegistrationEventQuery { Impi = impi, Type = type, Limit = 1 }, timeout.Token);
            if (found.Count > 0)
            {
                return found[0];
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }
}
