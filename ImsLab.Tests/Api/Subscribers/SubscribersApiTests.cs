using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ImsLab.Tests.Api.Subscribers;

public sealed class SubscribersApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task CreateAnswers201WithLocationAndTheSubscriberShowingWhichKeysAreSet()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity();

        var response = await admin.PostAsJsonAsync("/api/subscribers", SubscriberBodies.Aka(impi, impu));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(SubscriberBodies.PathOf(impi), response.Headers.Location?.ToString());
        Assert.Equal(impi, body.GetProperty("impi").GetString());
        Assert.Equal(impu, body.GetProperty("impus")[0].GetProperty("uri").GetString());
        Assert.Equal(1, body.GetProperty("impus")[0].GetProperty("implicitSet").GetInt32());
        var auth = body.GetProperty("auth");
        Assert.Equal(["AKAv1-MD5", "AKAv2-MD5"], auth.GetProperty("schemes").EnumerateArray().Select(s => s.GetString()));
        Assert.True(auth.GetProperty("kSet").GetBoolean());
        Assert.True(auth.GetProperty("opSet").GetBoolean());
        Assert.False(auth.GetProperty("opcSet").GetBoolean());
        Assert.False(auth.GetProperty("passwordSet").GetBoolean());
        Assert.False(auth.TryGetProperty("k", out _));
        Assert.Equal("001010000000123", body.GetProperty("imsi").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("roaming").GetProperty("allowedNetworks").ValueKind);

        var fetched = await admin.GetFromJsonAsync<JsonElement>(response.Headers.Location!);
        Assert.Equal(impi, fetched.GetProperty("impi").GetString());
    }

    [Fact]
    public async Task DuplicateImpiOrImpuIs409NamingTheField()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity();
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Aka(impi, impu));
        var (otherImpi, _) = SubscriberBodies.NewIdentity();

        var sameImpi = await admin.PostAsJsonAsync("/api/subscribers", SubscriberBodies.Aka(impi, SubscriberBodies.NewIdentity().Impu));
        var sameImpu = await admin.PostAsJsonAsync("/api/subscribers", SubscriberBodies.Aka(otherImpi, impu));

        Assert.Equal(HttpStatusCode.Conflict, sameImpi.StatusCode);
        Assert.Equal("impi", (await ProblemOf(sameImpi)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Conflict, sameImpu.StatusCode);
        Assert.Equal("impus[0].uri", (await ProblemOf(sameImpu)).GetProperty("field").GetString());
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"impi":"a@x.org","impus":[{"uri":"sip:a@x.org"}],"auth":{"schemes":["AKAv1-MD5"],"k":"xyz","op":"cdc202d5123e20f62b6d676ac72cb318"}}""", "auth.k" },
        { """{"impi":"a@x.org","impus":[{"uri":"sip:a@x.org"}],"auth":{"schemes":["AKAv1-MD5"],"k":"465b5ce8b199b49faa5f0a2ee238a6bc","op":"cdc202d5123e20f62b6d676ac72cb318","opc":"cd63cb71954a9f4e48a5994e37a02baf"}}""", "auth.op" },
        { """{"impi":"a@x.org","impus":[{"uri":"sip:a@x.org"}],"auth":{"schemes":["AKAv1-MD5"],"k":"465b5ce8b199b49faa5f0a2ee238a6bc"}}""", "auth.op" },
        { """{"impi":"a@x.org","impus":[{"uri":"sip:a@x.org"}],"auth":{"schemes":["AKAv9"],"password":"p"}}""", "auth.schemes" },
        { """{"impi":"a@x.org","impus":[{"uri":"mailto:a@x.org"}],"auth":{"password":"p"}}""", "impus[0].uri" },
        { """{"impi":"a@x.org","impus":[{"uri":"sip:a@x.org","implicitSet":-1}],"auth":{"password":"p"}}""", "impus[0].implicitSet" },
        { """{"impi":"a@x.org","impus":[],"auth":{"password":"p"}}""", "impus" },
        { """{"impi":"not an impi","impus":[{"uri":"sip:a@x.org"}],"auth":{"password":"p"}}""", "impi" },
        { """{"impi":"a@x.org","impus":[{"uri":"sip:a@x.org"}],"auth":{"password":"p","amf":"12345"}}""", "auth.amf" },
        { """{"impi":"a@x.org","impus":[{"uri":"sip:a@x.org"}],"auth":{"password":"p"},"imsi":"12ab"}""", "imsi" },
        { """{"impi":"a@x.org","impus":[{"uri":"sip:a@x.org"}],"auth":{"password":"p"},"roaming":{"allowedNetworks":[""]}}""", "roaming.allowedNetworks" },
        { """{"impi":"a@x.org","impus":[{"uri":"sip:a@x.org","serviceProfile":"no-such-profile"}],"auth":{"password":"p"}}""", "impus[0].serviceProfile" },
        { """{"impi":"a@x.org","impus":[null],"auth":{"password":"p"}}""", "impus[0].uri" },
        { """{"impi":"a@x.org","impus":[{"uri":"sip:a@x.org"}],"auth":{"password":"p"},"roaming":{"allowedNetworks":[null]}}""", "roaming.allowedNetworks" },
        { """{"impi":"a@x.org","impus":[{"uri":"sip:a@x.org"}],"auth":{"schemes":[null],"password":"p"}}""", "auth.schemes" },
        { """{"impus":[{"uri":"sip:a@x.org"}],"auth":{"password":"p"}}""", "impi" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task InvalidInputIs400ProblemDetailsNamingTheFieldAsTheBodyNamesIt(string body, string field)
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.PostAsync("/api/subscribers", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.NamesFieldAsync(response, field);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(SubscriberBodies.PathOf("a@x.org"))).StatusCode);
    }

    [Fact]
    public async Task MalformedJsonIs400ProblemDetails()
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.PostAsync("/api/subscribers", new StringContent("{\"impi\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemOf(response);
    }

    [Fact]
    public async Task ListPagesTheSearchResultsWithTheTotal()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var tag = "page" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 5; i++)
        {
            var (impi, impu) = SubscriberBodies.NewIdentity(tag);
            await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Digest(impi, impu));
        }

        var first = await admin.GetFromJsonAsync<JsonElement>($"/api/subscribers?search={tag}&page=1&pageSize=2");
        var last = await admin.GetFromJsonAsync<JsonElement>($"/api/subscribers?search={tag}&page=3&pageSize=2");
        var none = await admin.GetFromJsonAsync<JsonElement>("/api/subscribers?search=nothing-matches-this");

        Assert.Equal(5, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        Assert.Single(last.GetProperty("items").EnumerateArray());
        Assert.All(first.GetProperty("items").EnumerateArray().Concat(last.GetProperty("items").EnumerateArray()),
            s => Assert.Contains(tag, s.GetProperty("impi").GetString()));
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("msisdn")]
    [InlineData("Msisdn")]
    [InlineData("MSISDN")]
    public async Task ListSortsByTheColumnNamedInAnyCase(string sort)
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var tag = "sort" + Guid.NewGuid().ToString("N")[..6];
        // The IMPIs are random, so only the MSISDNs put these three in this order.
        string[] msisdns = ["15550000003", "15550000001", "15550000002"];
        foreach (var msisdn in msisdns)
        {
            var (impi, impu) = SubscriberBodies.NewIdentity(tag);
            await SubscriberBodies.CreateAsync(admin, new
            {
                impi, msisdn, impus = new[] { new { uri = impu } }, auth = new { schemes = new[] { "MD5" }, password = SubscriberBodies.Password },
            });
        }

        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/subscribers?search={tag}&sort={sort}&descending=true");

        Assert.Equal(["15550000003", "15550000002", "15550000001"],
            page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("msisdn").GetString()));
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("sort=size", "sort")]
    [InlineData("sort=2", "sort")]
    public async Task ListRejectsABadPageOrSortWith400NamingIt(string query, string field)
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.GetAsync("/api/subscribers?" + query);

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task AnUnknownImpiIs404ProblemDetails(string method)
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity("ghost");

        var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), SubscriberBodies.PathOf(impi))
        {
            Content = method switch
            {
                "PUT" => JsonContent.Create(SubscriberBodies.Digest(impi, impu)),
                "PATCH" => JsonContent.Create(new { enabled = false }),
                _ => null,
            },
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(impi, (await ProblemOf(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PutReplacesTheSubscriberAndKeepsKeysItLeavesOut()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity();
        var (_, secondImpu) = SubscriberBodies.NewIdentity();
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Aka(impi, impu));

        var response = await admin.PutAsJsonAsync(SubscriberBodies.PathOf(impi), new
        {
            impus = new[] { new { uri = impu }, new { uri = secondImpu } },
            auth = new { schemes = new[] { "AKAv1-MD5" } },
            msisdn = "15551234567",
            enabled = false,
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, body.GetProperty("impus").GetArrayLength());
        Assert.Equal(["AKAv1-MD5"], body.GetProperty("auth").GetProperty("schemes").EnumerateArray().Select(s => s.GetString()));
        Assert.True(body.GetProperty("auth").GetProperty("kSet").GetBoolean());
        Assert.True(body.GetProperty("auth").GetProperty("opSet").GetBoolean());
        Assert.False(body.GetProperty("enabled").GetBoolean());
        Assert.Equal("15551234567", body.GetProperty("msisdn").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("imsi").ValueKind);
    }

    [Fact]
    public async Task PutCannotRenameTheImpi()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity();
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Digest(impi, impu));

        var response = await admin.PutAsJsonAsync(SubscriberBodies.PathOf(impi), SubscriberBodies.Digest("renamed@" + SubscriberBodies.Domain, impu));

        await ProblemAssert.NamesFieldAsync(response, "impi");
    }

    [Fact]
    public async Task PatchDisablesBarsRotatesKeysAndResetsTheSqn()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity();
        var created = await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Aka(impi, impu));
        Assert.Equal("000000000020", created.GetProperty("auth").GetProperty("sqn").GetString());

        var response = await admin.PatchAsJsonAsync(SubscriberBodies.PathOf(impi), new
        {
            enabled = false,
            barred = new Dictionary<string, bool> { [impu] = true },
            auth = new { k = SubscriberBodies.OtherK, opc = SubscriberBodies.Opc, sqn = "000000000000" },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.GetProperty("enabled").GetBoolean());
        Assert.True(body.GetProperty("impus")[0].GetProperty("barred").GetBoolean());
        Assert.False(body.GetProperty("auth").GetProperty("opSet").GetBoolean());
        Assert.True(body.GetProperty("auth").GetProperty("opcSet").GetBoolean());
        Assert.Equal("000000000000", body.GetProperty("auth").GetProperty("sqn").GetString());
        Assert.True(body.GetProperty("version").GetInt64() > created.GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData("""{"auth":{"k":"00"}}""", "auth.k")]
    [InlineData("""{"auth":{"op":"cdc202d5123e20f62b6d676ac72cb318","opc":"cd63cb71954a9f4e48a5994e37a02baf"}}""", "auth.op")]
    [InlineData("""{"auth":{"sqn":"1"}}""", "auth.sqn")]
    [InlineData("""{"auth":{"schemes":["MD5"]}}""", "auth")]
    [InlineData("""{"barred":{"sip:nobody@elsewhere.org":true}}""", "barred[sip:nobody@elsewhere.org]")]
    public async Task PatchRejectsBadChangesWith400NamingTheField(string body, string field)
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity();
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Aka(impi, impu));

        var response = await admin.PatchAsync(SubscriberBodies.PathOf(impi), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Fact]
    public async Task DeleteAnswers204AndTheSubscriberIsGone()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity();
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Digest(impi, impu));

        var response = await admin.DeleteAsync(SubscriberBodies.PathOf(impi));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(SubscriberBodies.PathOf(impi))).StatusCode);
        // The IMPU is free again.
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Digest(SubscriberBodies.NewIdentity().Impi, impu));
    }

    [Fact]
    public async Task ChangesAreAuditedInTheEventLogWithWhoMadeThem()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity();
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Digest(impi, impu));
        await admin.PatchAsJsonAsync(SubscriberBodies.PathOf(impi), new { enabled = false });

        var log = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ImsLab.Sip.Subscribers.IRegistrationEventLog>(factory.Services);
        var events = await log.QueryAsync(new ImsLab.Sip.Subscribers.RegistrationEventQuery { Impi = impi }, CancellationToken.None);

        Assert.Contains(events, e => e.Type == ImsLab.Sip.Subscribers.RegistrationEventType.SubscriberCreated && e.Actor == "admin");
        Assert.Contains(events, e => e.Type == ImsLab.Sip.Subscribers.RegistrationEventType.SubscriberUpdated && e.Actor == "admin");
    }
}
