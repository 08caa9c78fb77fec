using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ImsLab.Tests.Api.Subscribers;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Api.Postgres;

/// <summary>The subscriber REST API on the production database: provisioning, search and the import round trip.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SubscribersOnPostgresTests(PgFixture postgres)
{
    private Task<ApiFactory> HostAsync(string name) => PostgresApiHost.StartAsync(postgres, name);

    [Fact]
    public async Task SubscribersAreProvisionedSearchedExportedAndImportedOnPostgres()
    {
        await using var source = await HostAsync("rest_source");
        await using var target = await HostAsync("rest_target");
        using var admin = await ApiClients.AdminAsync(source);
        using var targetAdmin = await ApiClients.AdminAsync(target);
        var (impi, impu) = SubscriberBodies.NewIdentity("pg");
        var (other, otherImpu) = SubscriberBodies.NewIdentity("pg");

        var created = await admin.PostAsJsonAsync("/api/subscribers", SubscriberBodies.Aka(impi, impu));
        var duplicate = await admin.PostAsJsonAsync("/api/subscribers", SubscriberBodies.Aka(other, impu));
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Digest(other, otherImpu));
        var patched = await admin.PatchAsJsonAsync(SubscriberBodies.PathOf(other), new { barred = new Dictionary<string, bool> { [otherImpu] = true } });
        var search = await admin.GetFromJsonAsync<JsonElement>("/api/subscribers?search=" + impu.Split('@')[0][4..]);
        var export = await admin.GetStringAsync("/api/subscribers/export?includeKeys=true");
        var import = await targetAdmin.PostAsync("/api/subscribers/import", new StringContent(export, Encoding.UTF8, "application/json"));
        var copies = await targetAdmin.GetFromJsonAsync<JsonElement>("/api/subscribers?pageSize=10");
        var originals = await admin.GetFromJsonAsync<JsonElement>("/api/subscribers?pageSize=10");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(impi, Assert.Single(search.GetProperty("items").EnumerateArray()).GetProperty("impi").GetString());
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal(2, copies.GetProperty("total").GetInt32());
        string Shape(JsonElement page) => string.Join("\n", page.GetProperty("items").EnumerateArray()
            .Select(s => s.GetProperty("impi").GetString() + s.GetProperty("impus").GetRawText() + s.GetProperty("auth").GetRawText()));
        Assert.Equal(Shape(originals), Shape(copies));
    }
}
