using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Api.Postgres;

/// <summary>The host on the production database: migrations, the readiness check and access control on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHostTests(PgFixture postgres)
{
    [Fact]
    public async Task HostOnPostgresIsReadyAndKeysWorkEndToEnd()
    {
        var connectionString = await postgres.CreateDatabaseAsync("host_" + Guid.NewGuid().ToString("N"));
        await using var factory = new ApiFactory(new Dictionary<string, string>
        {
            ["ConnectionStrings:ImsLab"] = connectionString,
            ["ImsLab:Secrets:MasterKey"] = new string('7', 64),
        });
        using var admin = await ApiClients.AdminAsync(factory);

        var ready = await admin.GetFromJsonAsync<JsonElement>("/health/ready");
        var created = await (await admin.PostAsJsonAsync("/api/keys", new { name = "pg", role = "viewer" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        using var keyClient = ApiClients.WithHeader(factory, "X-Api-Key", created.GetProperty("key").GetString()!);
        var me = await keyClient.GetFromJsonAsync<JsonElement>("/api/auth/me");
        var forbidden = await keyClient.GetAsync("/api/keys");

        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Contains(ready.GetProperty("checks").EnumerateArray(), check => check.GetProperty("name").GetString() == "database");
        Assert.Equal("api-key:pg", me.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
