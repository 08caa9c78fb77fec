using ImsLab.Sip;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImsLab.Tests.Web;

/// <summary>The lab engineer's first five minutes in one go: provision a SIM in the dialog, register it, watch it live.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProvisionAndRegisterBrowserTests(BrowserFixture browser)
{
    private const string K = "0396eb317b6d1c36f19c1c84cd6ffd16";
    private const string Op = "ff9bb4d0b607a9e8f5ef2b09db6e6d02";

    [Fact]
    public async Task ASubscriberCreatedInTheDialogRegistersWithTheUeSimulatorAndAppearsLive()
    {
        var realm = browser.Host.Services.GetRequiredService<ImsLabSipEngineOptions>().Registrar.Realm!;
        var user = $"dialog-{Guid.NewGuid():N}"[..20];
        var (impi, impu) = ($"{user}@{realm}", $"sip:{user}@{realm}");
        var page = await browser.NewPageAsync();
        await DashboardPage.LogInAsync(page, "admin", ApiFactory.AdminPassword, "/subscribers");
        await DashboardPage.WaitForCircuitAsync(page);

        await DashboardPage.OpenEditorAsync(page, "#new-subscriber", "#edit-impi");
        await DashboardPage.FillAllAsync(page, ("#edit-impi", impi), ("#edit-k", K), ("#edit-op", Op), ("#edit-impu-0", impu));
        await page.ClickAsync("#edit-save");
        await DashboardPage.ExpectClosedAfterSaveAsync(page, "#subscriber-editor");

        await page.GotoAsync("/registrations");
        await DashboardPage.WaitForCircuitAsync(page);
        var row = page.Locator($"tr[data-impu=\"{impu}\"]");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await using var ue = BrowserUe.ForSubscriber(browser.Host.Services, impi, impu,
            AkaCredentials.FromOp(Convert.FromHexString(K), Convert.FromHexString(Op), [0x80, 0x00]));
        await ue.RegisterAsync();

        // No reload: the row arrives through the circuit's live feed.
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("ImsLab-UeSim/browser-test");
    }
}
