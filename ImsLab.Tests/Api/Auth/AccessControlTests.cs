using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ImsLab.Data.Access;
using ImsLab.Sip.Subscribers;
using Microsoft.Extensions.DependencyInjection;

namespace ImsLab.Tests.Api.Auth;

public sealed class AccessControlTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly object Test1 = new
    {
        k = "465b5ce8b199b49faa5f0a2ee238a6bc", op = "cdc202d5123e20f62b6d676ac72cb318", amf = "b9b9",
        sqn = "ff9bb4d0b607", rand = "23553cbe9637a89d218ae64dae47bf35",
    };

    private async Task<(Guid Id, string Key, string Body)> CreateKeyAsync(string name, string role)
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var response = await admin.PostAsJsonAsync("/api/keys", new { name, role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var id = json.RootElement.GetProperty("info").GetProperty("id").GetGuid();
        Assert.Equal($"/api/keys/{id}", response.Headers.Location?.ToString());
        return (id, json.RootElement.GetProperty("key").GetString()!, body);
    }

    [Theory]
    [InlineData("GET", "/api/keys")]
    [InlineData("POST", "/api/keys")]
    [InlineData("DELETE", "/api/keys/8d7c5b0e-54c4-4f61-9c0d-6f1a4b1f3a11")]
    [InlineData("POST", "/api/tools/aka")]
    [InlineData("GET", "/api/auth/me")]
    public async Task AnonymousRequestsToProtectedEndpointsAreAnswered401WithProblemDetails(string method, string path)
    {
        using var client = factory.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "GET" ? null : JsonContent.Create(new { }),
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET", "/api/keys")]
    [InlineData("POST", "/api/keys")]
    [InlineData("DELETE", "/api/keys/8d7c5b0e-54c4-4f61-9c0d-6f1a4b1f3a11")]
    public async Task ViewerIsForbiddenFromKeyManagement(string method, string path)
    {
        using var viewer = await ApiClients.UserAsync(factory, "vera", UserRole.Viewer);

        var response = await viewer.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "GET" ? null : JsonContent.Create(new { name = "x", role = "admin" }),
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ViewerMayUseTheLabTools()
    {
        using var viewer = await ApiClients.UserAsync(factory, "vera", UserRole.Viewer);

        var response = await viewer.PostAsJsonAsync("/api/tools/aka", Test1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task LoginAnswersWhoAndWhichRoleAndMeAgrees()
    {
        using var viewer = await ApiClients.UserAsync(factory, "vera", UserRole.Viewer);

        var me = await viewer.GetFromJsonAsync<JsonElement>("/api/auth/me");

        Assert.Equal("vera", me.GetProperty("name").GetString());
        Assert.Equal("viewer", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task LogoutEndsTheCookieSession()
    {
        using var viewer = await ApiClients.UserAsync(factory, "vera", UserRole.Viewer);

        var logout = await viewer.PostAsync("/api/auth/logout", null);
        var me = await viewer.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Theory]
    [InlineData("Authorization", "Bearer ")]
    [InlineData("X-Api-Key", "")]
    public async Task ApiKeyAuthenticatesThroughEitherHeader(string header, string prefix)
    {
        var (_, key, _) = await CreateKeyAsync("ci-" + header, "admin");
        using var client = ApiClients.WithHeader(factory, header, prefix + key);

        var response = await client.GetAsync("/api/keys");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ViewerKeyIsForbiddenFromCreatingKeys()
    {
        var (_, key, _) = await CreateKeyAsync("read-only", "viewer");
        using var client = ApiClients.WithHeader(factory, "X-Api-Key", key);

        var response = await client.PostAsJsonAsync("/api/keys", new { name = "escalate", role = "admin" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RevokedKeyIsRejected()
    {
        var (id, key, _) = await CreateKeyAsync("short-lived", "admin");
        using var admin = await ApiClients.AdminAsync(factory);
        using var client = ApiClients.WithHeader(factory, "Authorization", "Bearer " + key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);

        var revoke = await admin.DeleteAsync($"/api/keys/{id}");
        var after = await client.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("Bearer", after.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task RevokingAnUnknownKeyIs404()
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.DeleteAsync($"/api/keys/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheClearKeyAppearsInTheCreationResponseOnly()
    {
        var (id, key, creation) = await CreateKeyAsync("secretive", "admin");
        using var admin = await ApiClients.AdminAsync(factory);
        using var keyClient = ApiClients.WithHeader(factory, "X-Api-Key", key);
        var prefix = key[..12];

        var list = await admin.GetStringAsync("/api/keys");
        var me = await keyClient.GetStringAsync("/api/auth/me");
        var revoke = await (await admin.DeleteAsync($"/api/keys/{id}")).Content.ReadAsStringAsync();

        Assert.Contains(key, creation);
        Assert.Contains(prefix, list);
        foreach (var body in new[] { list, me, revoke })
        {
            Assert.DoesNotContain(key, body);
            Assert.DoesNotContain("hash", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task KeyListShowsNameRolePrefixAndRevocation()
    {
        var (id, _, _) = await CreateKeyAsync("listed", "viewer");
        using var admin = await ApiClients.AdminAsync(factory);
        await admin.DeleteAsync($"/api/keys/{id}");

        var keys = await admin.GetFromJsonAsync<JsonElement>("/api/keys");

        var listed = keys.EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == id);
        Assert.Equal("listed", listed.GetProperty("name").GetString());
        Assert.Equal("viewer", listed.GetProperty("role").GetString());
        Assert.StartsWith("ilk_", listed.GetProperty("prefix").GetString());
        Assert.True(listed.GetProperty("revoked").GetBoolean());
        Assert.Equal("admin", listed.GetProperty("createdBy").GetString());
    }

    [Theory]
    [InlineData("superuser", "role")]
    [InlineData(null, "role")]
    public async Task CreatingAKeyWithABadRoleIs400NamingTheField(string? role, string field)
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.PostAsJsonAsync("/api/keys", new { name = "x", role });

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Fact]
    public async Task CreatingAKeyWithoutANameIs400NamingTheField()
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.PostAsJsonAsync("/api/keys", new { name = " ", role = "viewer" });

        await ProblemAssert.NamesFieldAsync(response, "name");
    }

    [Fact]
    public async Task WrongPasswordIs401AndRepeatedFailuresLockTheAccount()
    {
        var access = factory.Services.GetRequiredService<AccessStore>();
        await access.CreateUserAsync("lucky", "right-password", UserRole.Viewer, "test", CancellationToken.None);
        using var client = factory.CreateClient();

        var first = await client.PostAsJsonAsync("/api/auth/login", new { username = "lucky", password = "wrong-password" });
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { username = "lucky", password = "wrong-password" });
        }

        var fifth = await client.PostAsJsonAsync("/api/auth/login", new { username = "lucky", password = "wrong-password" });
        var rightButLocked = await client.PostAsJsonAsync("/api/auth/login", new { username = "lucky", password = "right-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rightButLocked.StatusCode);
        Assert.Equal("Account locked", (await rightButLocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task LoginWithoutAPasswordIs400NamingTheField()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { username = "admin" });

        await ProblemAssert.NamesFieldAsync(response, "password");
    }

    [Fact]
    public async Task KeyCreationAndRevocationAreAuditedWithTheActor()
    {
        var (id, _, _) = await CreateKeyAsync("audited", "viewer");
        using var admin = await ApiClients.AdminAsync(factory);
        await admin.DeleteAsync($"/api/keys/{id}");
        var log = factory.Services.GetRequiredService<IRegistrationEventLog>();

        var events = await log.QueryAsync(new RegistrationEventQuery { Limit = 500 }, CancellationToken.None);

        Assert.Contains(events, e => e.Type == RegistrationEventType.ApiKeyCreated && e.Actor == "admin" && e.Reason!.Contains("'audited'"));
        Assert.Contains(events, e => e.Type == RegistrationEventType.ApiKeyRevoked && e.Actor == "admin" && e.Reason!.Contains("'audited'"));
    }

    [Fact]
    public async Task FirstStartCreatedTheAdminFromConfiguration()
    {
        var access = factory.Services.GetRequiredService<AccessStore>();

        var users = await access.ListUsersAsync(CancellationToken.None);

        Assert.Contains(users, u => u.Username == "admin" && u.Role == UserRole.Admin);
    }

    [Fact]
    public async Task CookieEncryptionKeysAreKeptInTheDataDirectorySoLoginsSurviveARestart()
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var keys = Directory.GetFiles(Path.Combine(factory.DataDirectory, "data-protection-keys"), "key-*.xml");

        Assert.NotEmpty(keys);
    }
}
