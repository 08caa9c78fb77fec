using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ImsLab.Tests.Api.Postgres;
using ImsLab.Tests.Api.Subscribers;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Api.ServiceProfiles;

public abstract class ServiceProfilesApiTests(ApiFactory factory)
{
    /// <summary>The host these tests run against.</summary>
    protected ApiFactory Host => factory;

    private static object Profile(string name, string asUri = "sip:as1.ims.example.org") => new
    {
        name,
        criteria = new[]
        {
            new
            {
                priority = 0, conditionType = "Cnf", applicationServerUri = asUri, defaultHandling = "SessionTerminated",
                triggers = new[] { new { group = 0, conditionNegated = false, kind = "Method", value = "INVITE" } },
            },
        },
    };

    private static string PathOf(string name) => "/api/service-profiles/" + Uri.EscapeDataString(name);

    [Fact]
    public async Task AProfileIsCreatedReadReplacedAndDeleted()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var name = "gold " + Guid.NewGuid().ToString("N")[..6];

        var created = await admin.PostAsJsonAsync("/api/service-profiles", Profile(name));
        var read = await admin.GetFromJsonAsync<JsonElement>(PathOf(name));
        var replaced = await admin.PutAsJsonAsync(PathOf(name), Profile(name + " v2", "sip:as2.ims.example.org"));
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/service-profiles");
        var deleted = await admin.DeleteAsync(PathOf(name + " v2"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(PathOf(name), created.Headers.Location?.ToString());
        var criterion = read.GetProperty("criteria")[0];
        Assert.Equal("SessionTerminated", criterion.GetProperty("defaultHandling").GetString());
        Assert.Equal("Method", criterion.GetProperty("triggers")[0].GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("name").GetString() == name + " v2");
        Assert.DoesNotContain(list.EnumerateArray(), p => p.GetProperty("name").GetString() == name);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(PathOf(name + " v2"))).StatusCode);
    }

    [Fact]
    public async Task ADuplicateNameIs409AndAProfileInUseCannotBeDeleted()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var name = "silver-" + Guid.NewGuid().ToString("N")[..6];
        await admin.PostAsJsonAsync("/api/service-profiles", Profile(name));
        var (impi, impu) = SubscriberBodies.NewIdentity("profiled");
        await SubscriberBodies.CreateAsync(admin, new
        {
            impi, impus = new[] { new { uri = impu, serviceProfile = name } }, auth = new { password = SubscriberBodies.Password },
        });

        var duplicate = await admin.PostAsJsonAsync("/api/service-profiles", Profile(name));
        var delete = await admin.DeleteAsync(PathOf(name));
        var subscriber = await admin.GetFromJsonAsync<JsonElement>(SubscriberBodies.PathOf(impi));

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("name", (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal(name, subscriber.GetProperty("impus")[0].GetProperty("serviceProfile").GetString());
    }

    [Theory]
    [InlineData("""{"name":"","criteria":[]}""", "name")]
    [InlineData("""{"name":null,"criteria":[]}""", "name")]
    [InlineData("""{"name":"p","criteria":[null]}""", "criteria[0]")]
    [InlineData("""{"name":"p","criteria":[{"priority":1,"applicationServerUri":null}]}""", "criteria[0].applicationServerUri")]
    [InlineData("""{"name":"p","criteria":[{"priority":1,"applicationServerUri":"sip:a@b","triggers":[null]}]}""", "criteria[0].triggers[0].value")]
    [InlineData("""{"name":"p","criteria":[{"priority":1,"applicationServerUri":"http://as.example.org"}]}""", "criteria[0].applicationServerUri")]
    [InlineData("""{"name":"p","criteria":[{"priority":1,"applicationServerUri":"sip:a@b"},{"priority":1,"applicationServerUri":"sip:a@b"}]}""", "criteria[1].priority")]
    [InlineData("""{"name":"p","criteria":[{"priority":1,"applicationServerUri":"sip:a@b","triggers":[{"kind":"Method","value":"invite"}]}]}""", "criteria[0].triggers[0].value")]
    public async Task AnInvalidProfileIs400NamingTheField(string body, string field)
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.PostAsync("/api/service-profiles", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task AnUnknownProfileIs404(string method)
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), PathOf("no-such-profile"))
        {
            Content = method == "PUT" ? JsonContent.Create(Profile("no-such-profile")) : null,
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>The same tests on the embedded database (the quick-start default).</summary>
public sealed class ServiceProfilesOnEmbeddedDatabaseTests(ApiFactory factory) : ServiceProfilesApiTests(factory), IClassFixture<ApiFactory>;

/// <summary>The same tests on PostgreSQL, the production store: a fresh database and host per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ServiceProfilesOnPostgresTests(PgFixture postgres) : ServiceProfilesApiTests(PostgresApiHost.Start(postgres, "service_profiles")), IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
