using System.Text.RegularExpressions;
using ImsLab.Data.Access;
using ImsLab.Data.Provisioning;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImsLab.Tests.Web;

[Collection(BrowserCollection.Name)]
public sealed class SubscriberPagesBrowserTests(BrowserFixture browser)
{
    private const string K = "112233445566778899aabbccddeeff11";
    private const string Op = "22334455667788991122334455667788";

    private SubscriberProvisioningService Provisioning => browser.Host.Services.GetRequiredService<SubscriberProvisioningService>();

    [Fact]
    public async Task AdminCreatesASubscriberThroughTheDialogAfterSeeingTheBadKRejectedThenFindsAndEditsItWithoutSeeingTheKey()
    {
        var page = await LogInAsync("admin", ApiFactory.AdminPassword, "/subscribers");

        await DashboardPage.OpenEditorAsync(page, "#new-subscriber", "#edit-impi");
        // The first input goes to a field whose answer shows that the dialog is live: on a loaded machine an IMPI
        // typed into the dialog as it appeared was once lost, and the save was refused for an empty IMPI.
        await page.FillAsync("#edit-k", "465b5ce8");
        await Assertions.Expect(page.Locator("#error-k")).ToHaveTextAsync("Expected 32 hex digits.");
        await page.FillAsync("#edit-impi", "web-create@ims.example.org");
        await BrowserFixture.ScreenshotAsync(page, "subscriber-editor-validation");
        await page.FillAsync("#edit-k", K);
        await Assertions.Expect(page.Locator("#error-k")).ToHaveCountAsync(0);
        await page.ClickAsync("#edit-add-impu");
        await DashboardPage.ExpectAddedAsync(page, "#edit-impu-1", "#subscriber-editor");
        await DashboardPage.FillAllAsync(page, ("#edit-impi", "web-create@ims.example.org"), ("#edit-op", Op), ("#edit-msisdn", "15557770001"),
            ("#edit-impu-0", "sip:web-create@ims.example.org"), ("#edit-impu-1", "tel:+15557770001"));
        await page.ClickAsync("#edit-save");
        await DashboardPage.ExpectClosedAfterSaveAsync(page, "#subscriber-editor");

        var stored = await Provisioning.GetAsync("web-create@ims.example.org", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.True(stored.KSet && stored.OpSet);
        Assert.Equal(["sip:web-create@ims.example.org", "tel:+15557770001"], stored.PublicIdentities.Select(p => p.Uri));

        await page.FillAsync("#subscriber-search", "web-create");
        var rows = page.Locator("#subscriber-grid tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("web-create@ims.example.org");
        await Assertions.Expect(rows.First).ToContainTextAsync("K set");
        await BrowserFixture.ScreenshotAsync(page, "subscribers");

        await DashboardPage.OpenEditorAsync(page, rows.First.Locator(".subscriber-edit"), "#edit-imsi");
        await Assertions.Expect(page.Locator("#set-k")).ToHaveTextAsync("set");
        await Assertions.Expect(page.Locator("#set-op")).ToHaveTextAsync("set");
        Assert.DoesNotContain(K, await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Op, await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        await DashboardPage.FillAllAsync(page, ("#edit-msisdn", "15557770002"));
        await page.ClickAsync("#edit-impu-barred-1");
        await BrowserFixture.ScreenshotAsync(page, "subscriber-editor-edit");
        await page.ClickAsync("#edit-save");
        await DashboardPage.ExpectClosedAfterSaveAsync(page, "#subscriber-editor");
        await Assertions.Expect(rows.First).ToContainTextAsync("15557770002");

        var edited = await Provisioning.GetAsync("web-create@ims.example.org", CancellationToken.None);
        Assert.Equal("15557770002", edited!.Msisdn);
        Assert.True(edited.PublicIdentities.Single(p => p.Uri.StartsWith("tel:", StringComparison.Ordinal)).Barred);
        Assert.True(edited.KSet && edited.OpSet);
    }

    [Fact]
    public async Task ImportOfACsvWithOneBadRowShowsThatRowAndImportsNothing()
    {
        var page = await LogInAsync("admin", ApiFactory.AdminPassword, "/subscribers");
        var file = Path.Combine(Directory.CreateTempSubdirectory("imslab-import-").FullName, "subscribers.csv");
        await File.WriteAllTextAsync(file, string.Join('\n',
            SubscriberCsv.Header,
            $"web-import-1@ims.example.org,,AKAv1-MD5,{K},{Op},,,,,,,,,,,sip:web-import-1@ims.example.org,",
            $"web-import-2@ims.example.org,,AKAv1-MD5,12345,{Op},,,,,,,,,,,sip:web-import-2@ims.example.org,") + "\n");

        await page.ClickAsync("#import-subscribers");
        await ChooseImportFileAsync(page, file);

        await Assertions.Expect(page.Locator("#import-result")).ToContainTextAsync("Nothing was imported");
        var errors = page.Locator("#import-errors tbody tr");
        await Assertions.Expect(errors).ToHaveCountAsync(1);
        await Assertions.Expect(errors.First).ToContainTextAsync("web-import-2@ims.example.org");
        await Assertions.Expect(errors.First).ToContainTextAsync("Expected 32 hex digits.");
        await BrowserFixture.ScreenshotAsync(page, "subscriber-import-report");
        Assert.Null(await Provisioning.GetAsync("web-import-1@ims.example.org", CancellationToken.None));

        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace(",12345,", $",{K},", StringComparison.Ordinal));
        await ChooseImportFileAsync(page, file);
        await Assertions.Expect(page.Locator("#import-result")).ToContainTextAsync("Imported 2 of 2 rows");
        await page.ClickAsync("#import-close");
        await page.FillAsync("#subscriber-search", "web-import-");
        await Assertions.Expect(page.Locator("#subscriber-grid tbody tr")).ToHaveCountAsync(2);
        Assert.NotNull(await Provisioning.GetAsync("web-import-2@ims.example.org", CancellationToken.None));
    }

    // Blazor's InputFile hooks its change listener from JavaScript after the dialog first renders (and again whenever
    // the dialog re-creates the input for a new attempt); a file chosen before that is never read. Its init marks the
    // element with _blazorInputFileNextFileId (blazor.web.js of the pinned ASP.NET Core), so the test chooses the file
    // once that mark is there, as a user would once the control is live, instead of choosing again on a timer.
    private static async Task ChooseImportFileAsync(IPage page, string file)
    {
        // 'done' once the result changed, 'failed: ...' on a read error, otherwise null.
        const string progress = """
            (before) => {
                const result = document.querySelector('#import-result');
                if (result !== null && result.textContent !== before) return 'done';
                const failure = document.querySelector('#import-failure');
                return failure !== null ? 'failed: ' + failure.textContent : null;
            }
            """;
        var before = await page.EvaluateAsync<string?>("() => document.querySelector('#import-result')?.textContent ?? null");
        await page.WaitForFunctionAsync("""
            () => {
                const input = document.querySelector('#import-file');
                return input !== null && !input.disabled && input._blazorInputFileNextFileId !== undefined;
            }
            """);
        await page.SetInputFilesAsync("#import-file", file);
        var state = await (await page.WaitForFunctionAsync(progress, before)).JsonValueAsync<string>();
        Assert.Equal("done", state);
    }

    [Fact]
    public async Task AdminDeletesASubscriberAfterConfirming()
    {
        await Provisioning.CreateAsync(Subscriber("web-delete"), "test", CancellationToken.None);
        var page = await LogInAsync("admin", ApiFactory.AdminPassword, "/subscribers");
        await page.FillAsync("#subscriber-search", "web-delete");
        var rows = page.Locator("#subscriber-grid tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("web-delete@ims.example.org");

        await rows.First.Locator(".subscriber-delete").ClickAsync();
        await page.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#subscribers-empty")).ToContainTextAsync("No subscriber matches");
        Assert.Null(await Provisioning.GetAsync("web-delete@ims.example.org", CancellationToken.None));
    }

    [Fact]
    public async Task ViewerSeesSubscribersButNoEditActions()
    {
        await Provisioning.CreateAsync(Subscriber("web-viewer"), "test", CancellationToken.None);
        var access = browser.Host.Services.GetRequiredService<AccessStore>();
        await access.CreateUserAsync("subscriber-viewer", "viewer-password-1", UserRole.Viewer, "test", CancellationToken.None);

        var page = await LogInAsync("subscriber-viewer", "viewer-password-1", "/subscribers");
        await page.FillAsync("#subscriber-search", "web-viewer");
        await Assertions.Expect(page.Locator("#subscriber-grid tbody tr").First).ToContainTextAsync("web-viewer@ims.example.org");

        await Assertions.Expect(page.Locator("#new-subscriber")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#import-subscribers")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#export-keys")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".subscriber-edit")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".subscriber-delete")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "subscribers-viewer");
    }

    [Fact]
    public async Task ExportCarriesKeysOnlyWhenAnAdminTicksTheBox()
    {
        await Provisioning.CreateAsync(Subscriber("web-export"), "test", CancellationToken.None);
        var page = await LogInAsync("admin", ApiFactory.AdminPassword, "/subscribers");

        var withoutKeys = await DownloadAsync(page, "#export-csv");
        Assert.StartsWith(SubscriberCsv.Header, withoutKeys);
        Assert.Contains("web-export@ims.example.org", withoutKeys);
        Assert.DoesNotContain(K, withoutKeys, StringComparison.OrdinalIgnoreCase);

        await page.ClickAsync("#export-keys");
        var withKeys = await DownloadAsync(page, "#export-json");
        var exported = System.Text.Json.JsonSerializer.Deserialize<List<SubscriberInput>>(withKeys, SubscriberProvisioningService.JsonOptions)!;
        Assert.Equal(K, exported.Single(s => s.Impi == "web-export@ims.example.org").K);
    }

    [Fact]
    public async Task ViewerExportHasNoKeys()
    {
        await Provisioning.CreateAsync(Subscriber("web-viewer-export"), "test", CancellationToken.None);
        var access = browser.Host.Services.GetRequiredService<AccessStore>();
        await access.CreateUserAsync("export-viewer", "viewer-password-1", UserRole.Viewer, "test", CancellationToken.None);
        var page = await LogInAsync("export-viewer", "viewer-password-1", "/subscribers");

        var csv = await DownloadAsync(page, "#export-csv");

        Assert.Contains("web-viewer-export@ims.example.org", csv);
        Assert.DoesNotContain(K, csv, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Op, csv, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> DownloadAsync(IPage page, string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(button));
        return await File.ReadAllTextAsync((await download.PathAsync())!);
    }

    [Fact]
    public async Task TheSubscriberEditorFollowsTheDarkTheme()
    {
        var page = await LogInAsync("admin", ApiFactory.AdminPassword, "/subscribers");

        await page.ClickAsync("#theme-toggle");
        await page.WaitForFunctionAsync(DashboardPage.DarkBackgroundScript);
        await DashboardPage.OpenEditorAsync(page, "#new-subscriber", "#edit-impi");
        await page.FillAsync("#edit-impi", "not an impi");

        await Assertions.Expect(page.Locator("#error-impi")).ToContainTextAsync("Not a valid IMPI");
        var dialogIsDark = await page.Locator(".rz-dialog").EvaluateAsync<bool>("""
            d => { const [r, g, b] = getComputedStyle(d).backgroundColor.match(/\d+/g).map(Number); return (r + g + b) / 3 < 128; }
            """);
        Assert.True(dialogIsDark);
        await BrowserFixture.ScreenshotAsync(page, "subscriber-editor-dark");
    }

    internal static SubscriberInput Subscriber(string user) => new()
    {
        Impi = $"{user}@ims.example.org",
        AllowedSchemes = AuthScheme.AkaV1Md5,
        K = K,
        Op = Op,
        PublicIdentities = [new PublicIdentityInput { Uri = $"sip:{user}@ims.example.org" }],
    };

    [Fact]
    public async Task AFieldClickedAsTheEditorOpensKeepsTheFocusAndWhatIsTypedIntoIt()
    {
        var page = await browser.NewPageAsync();
        // The page's timers run on a clock the test moves, so "half a second later" needs no waiting.
        await page.Clock.InstallAsync();
        await DashboardPage.LogInAsync(page, "admin", ApiFactory.AdminPassword, "/subscribers");
        await DashboardPage.WaitForCircuitAsync(page);
        await DashboardPage.OpenEditorAsync(page, "#new-subscriber", "#edit-impi");

        await page.ClickAsync("#edit-msisdn");
        // Past the 500 ms after which Radzen's default focus handling moved the focus to the dialog's first focusable element.
        await page.Clock.RunForAsync(1_000);
        await page.Keyboard.TypeAsync("15557770009");

        await Assertions.Expect(page.Locator("#edit-msisdn")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#edit-msisdn")).ToHaveValueAsync("15557770009");
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
