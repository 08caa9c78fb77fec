using System.Text.RegularExpressions;
using ImsLab.Tests.Api;
using Microsoft.Playwright;

namespace ImsLab.Tests.Web;

[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AdminLogsInSeesTestSet1InTheAkaCalculatorAndLogsOut()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/tools/aka");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2Ftools%2Faka$"));
        await BrowserFixture.ScreenshotAsync(page, "login");

        await DashboardPage.LogInAsync(page, "admin", ApiFactory.AdminPassword);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/tools/aka$"));
        await DashboardPage.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("#signed-in-user")).ToHaveTextAsync("admin");

        await page.FillAsync("#in-k", "465b5ce8");
        await Assertions.Expect(page.Locator("#error-k")).ToContainTextAsync("32 hexadecimal digits");
        await page.FillAsync("#in-k", "465b5ce8b199b49faa5f0a2ee238a6bc");
        await page.FillAsync("#in-op", "cdc202d5123e20f62b6d676ac72cb318");
        await page.FillAsync("#in-amf", "b9b9");
        await page.FillAsync("#in-sqn", "ff9bb4d0b607");
        await page.FillAsync("#in-rand", "23553cbe9637a89d218ae64dae47bf35");

        // 3GPP TS 35.208 4.3, test set 1.
        await Assertions.Expect(page.Locator("#out-xres")).ToHaveTextAsync("a54211d5e3ba50bf");
        await Assertions.Expect(page.Locator("#out-mac-a")).ToHaveTextAsync("4a9ffac354dfafb3");
        await Assertions.Expect(page.Locator("#out-ck")).ToHaveTextAsync("b40ba9a3c58b2a05bbf0d987b21bf8cb");
        await Assertions.Expect(page.Locator("#out-ik")).ToHaveTextAsync("f769bcd751044604127672711c6d3441");
        await Assertions.Expect(page.Locator("#out-ak")).ToHaveTextAsync("aa689c648370");
        await Assertions.Expect(page.Locator("#out-opc")).ToHaveTextAsync("cd63cb71954a9f4e48a5994e37a02baf");
        await Assertions.Expect(page.Locator("#out-autn")).ToHaveTextAsync("55f328b43577b9b94a9ffac354dfafb3");
        await Assertions.Expect(page.Locator("#error-k")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "aka-calculator");

        await page.ClickAsync("#logout");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login$"));
        await page.GotoAsync("/tools/aka");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl="));
    }

    [Fact]
    public async Task WrongPasswordShowsAnErrorOnTheLoginPage()
    {
        var page = await browser.NewPageAsync();

        await DashboardPage.LogInAsync(page, "admin", "not-the-password");

        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("Wrong user name or password.");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?error=invalid"));
        await BrowserFixture.ScreenshotAsync(page, "login-wrong-password");
    }

    [Fact]
    public async Task ThemeToggleSwitchesToDarkAndIsRememberedAfterReload()
    {
        var page = await browser.NewPageAsync();
        await DashboardPage.LogInAsync(page, "admin", ApiFactory.AdminPassword);
        await DashboardPage.WaitForCircuitAsync(page);
        Assert.False(await DashboardPage.IsDarkAsync(page));

        await page.ClickAsync("#fill-test-set-1");
        await page.ClickAsync("#theme-toggle");
        await Assertions.Expect(page.Locator("#out-xres")).ToHaveTextAsync("a54211d5e3ba50bf");
        await page.WaitForFunctionAsync(DashboardPage.DarkBackgroundScript);
        await BrowserFixture.ScreenshotAsync(page, "aka-calculator-dark");

        // Before any script runs: the server rendered the dark theme from the cookie.
        var html = await (await page.APIRequest.GetAsync("/tools/aka")).TextAsync();
        await page.ReloadAsync();
        await DashboardPage.WaitForCircuitAsync(page);

        Assert.Contains("css/material-dark-base.css", html);
        Assert.True(await DashboardPage.IsDarkAsync(page));
    }

    [Fact]
    public async Task UnknownAddressShowsTheNotFoundPageInTheDashboardLayout()
    {
        var page = await browser.NewPageAsync();
        await DashboardPage.LogInAsync(page, "admin", ApiFactory.AdminPassword);
        await DashboardPage.WaitForCircuitAsync(page);

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await DashboardPage.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("#status-title")).ToHaveTextAsync("Page not found");
        await Assertions.Expect(page.Locator("#signed-in-user")).ToHaveTextAsync("admin");
        await BrowserFixture.ScreenshotAsync(page, "not-found");
    }
}
