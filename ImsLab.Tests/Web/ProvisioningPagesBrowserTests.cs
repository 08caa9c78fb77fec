using System.Text.RegularExpressions;
using ImsLab.Data.Access;
using ImsLab.Data.Provisioning;
using ImsLab.Sip.Events;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImsLab.Tests.Web;

/// <summary>The API keys and Events pages in a real browser against the real host.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProvisioningPagesBrowserTests(BrowserFixture browser)
{
    private AccessStore Access => browser.Host.Services.GetRequiredService<AccessStore>();

    [Fact]
    public async Task AdminCreatesAnApiKeyThatIsShownOnceAndWorksThenRevokesIt()
    {
        var page = await LogInAsync("admin", ApiFactory.AdminPassword, "/api-keys");

        await page.FillAsync("#key-name", "web-ci-key");
        await page.ClickAsync("#create-key");
        var key = await page.Locator("#created-key-value").InnerTextAsync();
        Assert.StartsWith(AccessStore.KeyPrefix, key);
        Assert.NotNull(await Access.VerifyApiKeyAsync(key, CancellationToken.None));
        var row = page.Locator("#api-key-grid tbody tr", new() { HasText = "web-ci-key" });
        await Assertions.Expect(row).ToContainTextAsync("active");
        Assert.DoesNotContain(key, await row.InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "api-keys-created");

        await page.ClickAsync("#dismiss-key");
        await Assertions.Expect(page.Locator("#created-key")).ToHaveCountAsync(0);
        Assert.DoesNotContain(key, await page.ContentAsync());

        await row.Locator(".revoke-key").ClickAsync();
        await page.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("revoked");
        await Assertions.Expect(row.Locator(".revoke-key")).ToHaveCountAsync(0);
        Assert.Null(await Access.VerifyApiKeyAsync(key, CancellationToken.None));
        await BrowserFixture.ScreenshotAsync(page, "api-keys");
    }

    [Fact]
    public async Task AKeyWithoutANameIsRefusedWithTheServicesMessage()
    {
        var page = await LogInAsync("admin", ApiFactory.AdminPassword, "/api-keys");

        await page.ClickAsync("#create-key");

        await Assertions.Expect(page.Locator("#error-key-name")).ToHaveTextAsync("1 to 200 characters.");
        await Assertions.Expect(page.Locator("#created-key")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task EventsPageShowsTheAuditEventOfACreatedSubscriberAndALiveEventWithoutReloading()
    {
        const string tel = "tel:+15557770501";
        var provisioning = browser.Host.Services.GetRequiredService<SubscriberProvisioningService>();
        await provisioning.CreateAsync(SubscriberPagesBrowserTests.Subscriber("web-events") with
        {
            PublicIdentities = [new PublicIdentityInput { Uri = "sip:web-events@ims.example.org" }, new PublicIdentityInput { Uri = tel }],
        }, "admin", CancellationToken.None);
        var page = await LogInAsync("admin", ApiFactory.AdminPassword, "/events");

        await page.FillAsync("#events-identity", "web-events@ims.example.org");
        await page.PressAsync("#events-identity", "Enter");
        var rows = page.Locator("#events-grid tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("subscriber created");
        await Assertions.Expect(rows.First).ToContainTextAsync("created web-events@ims.example.org");

        // Published on the bus as the registrar does: the row arrives through the circuit's batcher.
        browser.Host.Services.GetRequiredService<RegistrationEventBus>().Publish(new RegistrationEvent
        {
            Id = Guid.CreateVersion7(), OccurredAt = DateTimeOffset.UtcNow, Type = RegistrationEventType.Registered,
            Impi = "web-events@ims.example.org", Impu = "sip:web-events@ims.example.org", Contact = "<sip:ue@127.0.0.1:5070>",
            Reason = "200 OK", Actor = "ue",
        });
        // Not about this IMPI: the filter keeps it out of the timeline.
        browser.Host.Services.GetRequiredService<RegistrationEventBus>().Publish(new RegistrationEvent
        {
            Id = Guid.CreateVersion7(), OccurredAt = DateTimeOffset.UtcNow, Type = RegistrationEventType.Registered, Impi = "someone-else", Actor = "ue",
        });

        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First).ToContainTextAsync("registered");
        await Assertions.Expect(rows.First).ToContainTextAsync("sip:web-events@ims.example.org");
        await BrowserFixture.ScreenshotAsync(page, "events");

        // TS 23.228 4.3.3.4: the tel URI is registered with the SIP URI, under which the registrar records every event.
        await browser.Host.Services.GetRequiredService<IRegistrationEventLog>().AppendAsync([new RegistrationEvent
        {
            Id = Guid.CreateVersion7(), OccurredAt = DateTimeOffset.UtcNow, Type = RegistrationEventType.Refreshed,
            Impi = "web-events@ims.example.org", Impu = "sip:web-events@ims.example.org", Reason = "logged refresh", Actor = "ue",
        }], CancellationToken.None);
        await page.FillAsync("#events-identity", tel);
        await page.PressAsync("#events-identity", "Enter");
        await Assertions.Expect(rows.Filter(new() { HasText = "logged refresh" })).ToHaveCountAsync(1);
        browser.Host.Services.GetRequiredService<RegistrationEventBus>().Publish(new RegistrationEvent
        {
            Id = Guid.CreateVersion7(), OccurredAt = DateTimeOffset.UtcNow, Type = RegistrationEventType.Refreshed,
            Impi = "web-events@ims.example.org", Impu = "sip:web-events@ims.example.org", Reason = "live refresh", Actor = "ue",
        });
        await Assertions.Expect(rows.First).ToContainTextAsync("live refresh");
    }

    [Fact]
    public async Task AdminCreatesAServiceProfileWithAnIfcAfterTheServiceRejectsABadApplicationServer()
    {
        var page = await LogInAsync("admin", ApiFactory.AdminPassword, "/service-profiles");

        await DashboardPage.OpenEditorAsync(page, "#new-profile", "#profile-name");
        await page.ClickAsync("#add-criterion");
        await DashboardPage.ExpectAddedAsync(page, "#ifc-as-0", "#profile-editor");
        await page.ClickAsync("#add-trigger-0");
        await DashboardPage.ExpectAddedAsync(page, "#spt-value-0-0", "#profile-editor");
        // CI once lost a trigger value typed about half a second after the dialog opened, when Radzen moved the focus to
        // the dialog's first focusable element (now off, see DashboardDialogs); each field is still checked once filled.
        await DashboardPage.FillAllAsync(page, ("#profile-name", "web-voicemail"), ("#ifc-as-0", "voicemail"), ("#spt-value-0-0", "INVITE"));
        await page.ClickAsync("#profile-save");
        await Assertions.Expect(page.Locator("#error-criteria-0-applicationServerUri")).ToHaveTextAsync("Expected a sip: or sips: URI.");
        await BrowserFixture.ScreenshotAsync(page, "service-profile-editor");

        await DashboardPage.FillAllAsync(page, ("#ifc-as-0", "sip:vm.ims.example.org;lr"));
        await page.ClickAsync("#profile-save");
        await DashboardPage.ExpectClosedAfterSaveAsync(page, "#profile-editor");
        var row = page.Locator("#profile-grid tbody tr", new() { HasText = "web-voicemail" });
        await Assertions.Expect(row).ToContainTextAsync("sip:vm.ims.example.org;lr");
        await Assertions.Expect(row).ToContainTextAsync("Method INVITE");
        await BrowserFixture.ScreenshotAsync(page, "service-profiles");

        var stored = await browser.Host.Services.GetRequiredService<ServiceProfileService>().GetAsync("web-voicemail", CancellationToken.None);
        var criterion = Assert.Single(stored!.Criteria);
        Assert.Equal("sip:vm.ims.example.org;lr", criterion.ApplicationServerUri);
        Assert.Equal("INVITE", Assert.Single(criterion.Triggers).Value);
    }

    [Fact]
    public async Task ViewerSeesServiceProfilesWithoutEditActions()
    {
        await browser.Host.Services.GetRequiredService<ServiceProfileService>().CreateAsync(
            new ServiceProfileInput { Name = "web-viewer-profile" }, "test", CancellationToken.None);
        await Access.CreateUserAsync("profiles-viewer", "viewer-password-1", UserRole.Viewer, "test", CancellationToken.None);

        var page = await LogInAsync("profiles-viewer", "viewer-password-1", "/service-profiles");

        await Assertions.Expect(page.Locator("#profile-grid tbody tr", new() { HasText = "web-viewer-profile" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#new-profile")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".profile-edit")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".profile-delete")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ABurstOfTenThousandEventsKeepsTheNewestThousandAndThePageResponsive()
    {
        var page = await LogInAsync("admin", ApiFactory.AdminPassword, "/events");
        await page.FillAsync("#events-identity", "burst@ims.example.org");
        await page.PressAsync("#events-identity", "Enter");
        await Assertions.Expect(page.Locator("#events-empty")).ToBeVisibleAsync();

        var bus = browser.Host.Services.GetRequiredService<RegistrationEventBus>();
        for (var i = 0; i < 10_000; i++)
        {
            bus.Publish(new RegistrationEvent
            {
                Id = Guid.CreateVersion7(), OccurredAt = DateTimeOffset.UtcNow, Type = RegistrationEventType.Refreshed,
                Impi = "burst@ims.example.org", Reason = $"burst {i}", Actor = "ue",
            });
        }

        // Batched into a few redraws; the oldest beyond the page's thousand (or the batcher's queue) are let go.
        await Assertions.Expect(page.Locator("#events-grid .rz-pager-summary")).ToContainTextAsync("(1000 events shown)", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#events-grid tbody tr").First).ToContainTextAsync("burst 9999");
        await page.ClickAsync("#events-live");
        await Assertions.Expect(page.Locator("#events-live-state")).ToHaveTextAsync("Paused");
    }

    [Fact]
    public async Task ViewerCannotOpenTheApiKeysPage()
    {
        await Access.CreateUserAsync("keys-viewer", "viewer-password-1", UserRole.Viewer, "test", CancellationToken.None);
        var page = await browser.NewPageAsync();
        await DashboardPage.LogInAsync(page, "keys-viewer", "viewer-password-1", "/api-keys");

        // The host refuses the route itself (admin policy), before any of the page renders.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed");
        await Assertions.Expect(page.Locator("#create-key")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "api-keys-viewer");
    }

    private async Task<IPage> LogInAsync(string user, string password, string path)
    {
        var page = await browser.NewPageAsync();
        await DashboardPage.LogInAsync(page, user, password, path);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
        await DashboardPage.WaitForCircuitAsync(page);
        return page;
    }
}
