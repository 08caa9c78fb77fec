using System.Diagnostics;
using System.Text.RegularExpressions;
using ImsLab.Data;
using ImsLab.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ImsLab.Tests.Web;

/// <summary>The subscribers grid over 100,000 subscribers: pages, sorts and searches stay on the server.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LargeSubscriberBaseBrowserTests(ITestOutputHelper output)
{
    private const int Subscribers = 100_000;

    [Fact]
    public async Task TheGridPagesSortsAndSearchesOneHundredThousandSubscribers()
    {
        // A host of its own: the shared one must not carry 100,000 rows into the other browser tests.
        var browser = new BrowserFixture();
        await browser.InitializeAsync();
        try
        {
            await SeedAsync(browser.Host.Services);
            var page = await browser.NewPageAsync();
            var timer = Stopwatch.StartNew();
            await DashboardPage.LogInAsync(page, "admin", ApiFactory.AdminPassword, "/subscribers");
            await DashboardPage.WaitForCircuitAsync(page);
            var summary = page.Locator("#subscriber-grid .rz-pager-summary");
            await Assertions.Expect(summary).ToContainTextAsync("(100000 subscribers)");
            output.WriteLine($"login and first page of 100,000: {timer.ElapsedMilliseconds} ms");
            var rows = page.Locator("#subscriber-grid tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(25);
            await Assertions.Expect(rows.First).ToContainTextAsync("bulk000001@ims.example.org");

            timer.Restart();
            await page.ClickAsync("#subscriber-grid .rz-pager-last");
            await Assertions.Expect(rows.Last).ToContainTextAsync("bulk100000@ims.example.org");
            output.WriteLine($"last page: {timer.ElapsedMilliseconds} ms");

            timer.Restart();
            await page.ClickAsync("#subscriber-grid th:has-text('MSISDN')");
            await page.ClickAsync("#subscriber-grid th:has-text('MSISDN')");
            await Assertions.Expect(rows.First).ToContainTextAsync("15550100000");
            output.WriteLine($"sorted by MSISDN, descending: {timer.ElapsedMilliseconds} ms");

            timer.Restart();
            await page.FillAsync("#subscriber-search", "bulk09999");
            // SQLite scans for a substring in IMPIs, IMPUs, IMSIs, MSISDNs and names: seconds on a busy two-core machine.
            await Assertions.Expect(summary).ToContainTextAsync("(10 subscribers)", new() { Timeout = 30_000 });
            output.WriteLine($"search: {timer.ElapsedMilliseconds} ms");
            await BrowserFixture.ScreenshotAsync(page, "subscribers-100k-search");
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ImsLabDbContext>>().CreateDbContextAsync();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(2));
        // The embedded SQLite store: GUIDs as text, instants as UTC ticks (SqliteImsLabDbContext).
        var ticks = DateTimeOffset.UtcNow.UtcTicks;
        var numbers = $"WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {Subscribers})";
        var sql = $"""
            INSERT INTO ims_subscriptions (id, name, created_at)
              {numbers} SELECT printf('00000000-0000-0000-0001-%012d', n), printf('bulk-%06d', n), {ticks} FROM g;
            INSERT INTO private_identities (id, subscription_id, impi, allowed_schemes, seq, enabled, version, created_at, updated_at, msisdn)
              {numbers} SELECT printf('00000000-0000-0000-0002-%012d', n), printf('00000000-0000-0000-0001-%012d', n),
                     printf('bulk%06d@ims.example.org', n), 4, 0, 1, 1, {ticks}, {ticks}, printf('1555%07d', n) FROM g;
            INSERT INTO public_identities (id, subscription_id, uri, barred, can_register, implicit_set_id)
              {numbers} SELECT printf('00000000-0000-0000-0003-%012d', n), printf('00000000-0000-0000-0001-%012d', n),
                     printf('sip:bulk%06d@ims.example.org', n), 0, 1, 1 FROM g;
            INSERT INTO public_identity_links (private_identity_id, public_identity_id)
              {numbers} SELECT printf('00000000-0000-0000-0002-%012d', n), printf('00000000-0000-0000-0003-%012d', n) FROM g;
            ANALYZE;
            """;
        await db.Database.ExecuteSqlRawAsync(sql);
        Assert.Equal(Subscribers, await db.PrivateIdentities.CountAsync());
    }
}
