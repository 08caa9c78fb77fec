using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ImsLab.Data;
using ImsLab.Data.Access;
using ImsLab.Data.Provisioning;
using ImsLab.Sip.Authentication.Aka;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImsLab.Tests.Api.Subscribers;

public sealed class SubscriberImportExportTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task JsonExportWithKeysImportsIntoAnotherHostAsTheSameSubscribers()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (akaImpi, akaImpu) = SubscriberBodies.NewIdentity("export");
        var (digestImpi, digestImpu) = SubscriberBodies.NewIdentity("export");
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Aka(akaImpi, akaImpu));
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Digest(digestImpi, digestImpu));

        var export = await admin.GetAsync("/api/subscribers/export?format=json&includeKeys=true");
        var file = await export.Content.ReadAsStringAsync();
        await using var target = new ApiFactory();
        using var targetAdmin = await ApiClients.AdminAsync(target);
        var import = await targetAdmin.PostAsync("/api/subscribers/import", Json(file));

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains(SubscriberBodies.K, file, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var report = await import.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(report.GetProperty("rows").GetInt32(), report.GetProperty("imported").GetInt32());
        foreach (var impi in new[] { akaImpi, digestImpi })
        {
            var before = await admin.GetFromJsonAsync<JsonElement>(SubscriberBodies.PathOf(impi));
            var after = await targetAdmin.GetFromJsonAsync<JsonElement>(SubscriberBodies.PathOf(impi));
            Assert.Equal(before.GetProperty("impus").GetRawText(), after.GetProperty("impus").GetRawText());
            Assert.Equal(before.GetProperty("auth").GetRawText(), after.GetProperty("auth").GetRawText());
            Assert.Equal(before.GetProperty("imsi").GetRawText(), after.GetProperty("imsi").GetRawText());
        }
    }

    [Fact]
    public async Task CsvExportWithKeysImportsIntoAnotherHost()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity("csv");
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Aka(impi, impu));

        var export = await admin.GetAsync("/api/subscribers/export?format=csv&includeKeys=true");
        var file = await export.Content.ReadAsStringAsync();
        await using var target = new ApiFactory();
        using var targetAdmin = await ApiClients.AdminAsync(target);
        var import = await targetAdmin.PostAsync("/api/subscribers/import", Csv(file));

        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(SubscriberCsv.Header, file, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var copy = await targetAdmin.GetFromJsonAsync<JsonElement>(SubscriberBodies.PathOf(impi));
        Assert.True(copy.GetProperty("auth").GetProperty("kSet").GetBoolean());
    }

    [Fact]
    public async Task ExportWithoutIncludeKeysLeavesEveryKeyOut()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Aka(SubscriberBodies.NewIdentity().Impi, SubscriberBodies.NewIdentity().Impu));
        var (digestImpi, digestImpu) = SubscriberBodies.NewIdentity();
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Digest(digestImpi, digestImpu));

        var json = await admin.GetStringAsync("/api/subscribers/export");
        var csv = await admin.GetStringAsync("/api/subscribers/export?format=csv");

        foreach (var file in new[] { json, csv })
        {
            Assert.DoesNotContain(SubscriberBodies.K, file, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(SubscriberBodies.Op, file, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(digestImpi, file, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("\"ha1", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubscriberWhoseCounterWentPastTheTopOfTheSqnSpaceIsReadListedSearchedAndExportedWhole()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity("sqn-top");
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Aka(impi, impu));
        // What a failed REGISTER left in databases written before the allocator kept within the SEQ space: the stored
        // counter one block past the highest SEQ a 48-bit SQN can carry (TS 33.102 C.1.1).
        await using (var db = factory.Services.GetRequiredService<IDbContextFactory<ImsLabDbContext>>().CreateDbContext())
        {
            await db.PrivateIdentities.Where(p => p.Impi == impi).ExecuteUpdateAsync(p => p.SetProperty(i => i.Seq, SequenceNumber.MaxSeq(5) + 32));
        }

        var one = await admin.GetAsync(SubscriberBodies.PathOf(impi));
        var page = await admin.GetAsync("/api/subscribers?pageSize=50&sort=CreatedAt&descending=true");
        var search = await admin.GetAsync("/api/subscribers?search=" + Uri.EscapeDataString(impi));
        var csv = await admin.GetStringAsync("/api/subscribers/export?format=csv");
        var json = await admin.GetStringAsync("/api/subscribers/export?format=json");

        Assert.Equal("ffffffffffe0", (await one.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("auth").GetProperty("sqn").GetString());
        Assert.Contains((await page.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray(), s => s.GetProperty("impi").GetString() == impi);
        var found = Assert.Single((await search.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());
        Assert.Equal("ffffffffffe0", found.GetProperty("auth").GetProperty("sqn").GetString());
        Assert.Contains(csv.Split('\n'), line => line.StartsWith(impi + ",", StringComparison.Ordinal) && line.Contains(",ffffffffffe0,", StringComparison.Ordinal));
        var exported = JsonDocument.Parse(json).RootElement.EnumerateArray().Single(e => e.GetProperty("impi").GetString() == impi);
        Assert.Equal("ffffffffffe0", exported.GetProperty("auth").GetProperty("sqn").GetString());
    }

    [Fact]
    public async Task AnExportWhoseRowCannotBeReadFailsBeforeItsFirstByteInsteadOfAsATruncated200()
    {
        await using var host = new ApiFactory();
        using var admin = await ApiClients.AdminAsync(host);
        var (first, firstImpu) = SubscriberBodies.NewIdentity("a-readable");
        var (broken, brokenImpu) = SubscriberBodies.NewIdentity("b-broken");
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Aka(first, firstImpu));
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Aka(broken, brokenImpu));
        // A K that no longer decrypts (a restored backup with another master key, a damaged row).
        await using (var db = host.Services.GetRequiredService<IDbContextFactory<ImsLabDbContext>>().CreateDbContext())
        {
            await db.PrivateIdentities.Where(p => p.Impi == broken).ExecuteUpdateAsync(p => p.SetProperty(i => i.KCiphertext, new byte[64]));
        }

        var json = await admin.GetAsync("/api/subscribers/export?format=json&includeKeys=true", HttpCompletionOption.ResponseHeadersRead);
        var csv = await admin.GetAsync("/api/subscribers/export?format=csv&includeKeys=true", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.InternalServerError, json.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, csv.StatusCode);
    }

    [Fact]
    public async Task OnlyAnAdminMayExportKeys()
    {
        using var viewer = await ApiClients.UserAsync(factory, "vic", UserRole.Viewer);

        var withKeys = await viewer.GetAsync("/api/subscribers/export?includeKeys=true");
        var withoutKeys = await viewer.GetAsync("/api/subscribers/export?format=csv");

        Assert.Equal(HttpStatusCode.Forbidden, withKeys.StatusCode);
        Assert.Equal("application/problem+json", withKeys.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, withoutKeys.StatusCode);
    }

    [Fact]
    public async Task AnUnknownExportFormatIs400()
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.GetAsync("/api/subscribers/export?format=xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AJsonImportWithBadRowsImportsNothingAndReportsEveryRow()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (good, goodImpu) = SubscriberBodies.NewIdentity("import");
        var (bad, badImpu) = SubscriberBodies.NewIdentity("import");
        var file = JsonSerializer.Serialize(new object[]
        {
            SubscriberBodies.Digest(good, goodImpu),
            new { impi = bad, impus = new[] { new { uri = badImpu } }, auth = new { schemes = new[] { "AKAv1-MD5" }, k = "123", op = SubscriberBodies.Op } },
            new { impi = "x@y.org", impus = new[] { new { uri = "sip:x@y.org" } }, auth = new { schemes = new[] { "NTLM" }, password = "p" } },
            "not an object",
        });

        var response = await admin.PostAsync("/api/subscribers/import", Json(file));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, problem.GetProperty("imported").GetInt32());
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (Row: e.GetProperty("row").GetInt32(), Field: e.GetProperty("field").GetString())).ToList();
        Assert.Contains((2, "auth.k"), errors);
        Assert.Contains((3, "auth.schemes"), errors);
        Assert.Contains(errors, e => e.Row == 4);
        Assert.DoesNotContain(errors, e => e.Row == 1);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(SubscriberBodies.PathOf(good))).StatusCode);
    }

    [Fact]
    public async Task ACsvImportWithADuplicateImportsNothingAndNamesTheCsvColumn()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (existing, existingImpu) = SubscriberBodies.NewIdentity("csvdup");
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Digest(existing, existingImpu));
        var (fresh, freshImpu) = SubscriberBodies.NewIdentity("csvdup");
        var file = SubscriberCsv.Header + "\r\n"
            + $"{fresh},,MD5,,,,,,pw-1,,,,,,true,{freshImpu},\r\n"
            + $"{existing},,MD5,,,,,,pw-2,,,,,,true,{SubscriberBodies.NewIdentity().Impu},\r\n"
            + $"{SubscriberBodies.NewIdentity().Impi},,MD5,,,,,,pw-3,,,,,,true,mailto:nobody,\r\n";

        var response = await admin.PostAsync("/api/subscribers/import", Csv(file));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (Row: e.GetProperty("row").GetInt32(), Field: e.GetProperty("field").GetString())).ToList();
        Assert.Contains((3, "impus"), errors);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(SubscriberBodies.PathOf(fresh))).StatusCode);
        // With the bad row fixed, the duplicate is the one problem left.
        var second = await admin.PostAsync("/api/subscribers/import", Csv(SubscriberCsv.Header + "\r\n"
            + $"{fresh},,MD5,,,,,,pw-1,,,,,,true,{freshImpu},\r\n" + $"{existing},,MD5,,,,,,pw-2,,,,,,true,{SubscriberBodies.NewIdentity().Impu},\r\n"));
        var secondErrors = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(2, Assert.Single(secondErrors.EnumerateArray()).GetProperty("row").GetInt32());
    }

    [Fact]
    public async Task ACsvQuoteLeftOpenIsReportedWithoutEchoingTheKeysAndPasswordsItSwallowed()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        const string Password = "Frank-Secret-5";
        var file = SubscriberCsv.Header + "\r\n"
            + $"\"eve@ims.example.org,,AKAv1-MD5,{SubscriberBodies.K},{SubscriberBodies.Op},,,,,,,,,,true,sip:eve@ims.example.org,\r\n"
            + $"frank@ims.example.org,,MD5,,,,,,{Password},,,,,,true,sip:frank@ims.example.org,\r\n";

        var response = await admin.PostAsync("/api/subscribers/import", Csv(file));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(SubscriberBodies.K, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(SubscriberBodies.Op, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Password, body);
    }

    [Fact]
    public async Task ABrokenJsonImportSaysWhereWithoutQuotingTheFile()
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.PostAsync("/api/subscribers/import", Json("[{\"impi\": \"a@b.org\", \"auth\": {\"password\": Zq"));
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("line 1", error.GetProperty("message").GetString());
        Assert.DoesNotContain("'Z'", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ACsvFileWithTheWrongHeaderIsRejected()
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.PostAsync("/api/subscribers/import", Csv("impi,k\r\na@b.org,00\r\n"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("header", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task AnImportInAnotherMediaTypeIs415()
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.PostAsync("/api/subscribers/import", new StringContent("<subscribers/>", Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AJsonImportThatIsNotAnArrayIsRejected()
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.PostAsync("/api/subscribers/import", Json("{\"impi\":\"a@b.org\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("row").GetInt32());
    }
}
