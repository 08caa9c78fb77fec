using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ImsLab.Data.Access;

namespace ImsLab.Tests.Api.Subscribers;

/// <summary>Who may do what: anonymous nothing, viewers read, admins (people or API keys) everything.</summary>
public sealed class SubscriberAuthorizationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Someone = "/api/subscribers/someone%40ims.example.org";

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "/api/subscribers" },
        { "PUT", Someone },
        { "PATCH", Someone },
        { "DELETE", Someone },
        { "POST", "/api/subscribers/import" },
        { "POST", Someone + "/deregister" },
        { "POST", Someone + "/reauthenticate" },
        { "POST", "/api/service-profiles" },
        { "PUT", "/api/service-profiles/gold" },
        { "DELETE", "/api/service-profiles/gold" },
    };

    public static TheoryData<string, string> Reads => new()
    {
        { "GET", "/api/subscribers" },
        { "GET", Someone },
        { "GET", "/api/subscribers/export" },
        { "GET", "/api/service-profiles" },
        { "GET", "/api/service-profiles/gold" },
        { "GET", "/api/registrations" },
        { "GET", "/api/registrations/0195f2f4-1d1c-7000-8000-000000000001" },
        { "GET", "/api/events" },
        { "GET", "/api/events/stream?type=Nonsense" },
    };

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" or "DELETE" ? null : JsonContent.Create(new { reason = "rejected", name = "gold" }),
    };

    [Theory]
    [MemberData(nameof(Writes))]
    [MemberData(nameof(Reads))]
    public async Task AnonymousRequestsAre401ProblemDetails(string method, string path)
    {
        using var client = factory.CreateClient();

        var response = await client.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task ViewersAreForbiddenEveryChange(string method, string path)
    {
        using var viewer = await ApiClients.UserAsync(factory, "vanessa", UserRole.Viewer);

        var response = await viewer.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task ViewersMayRead(string method, string path)
    {
        using var viewer = await ApiClients.UserAsync(factory, "vanessa", UserRole.Viewer);

        var response = await viewer.SendAsync(Request(method, path));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{method} {path}: {response.StatusCode}");
    }

    [Theory]
    [InlineData("Authorization", "Bearer ")]
    [InlineData("X-Api-Key", "")]
    public async Task AnAdminApiKeyProvisionsThroughEitherHeaderAndAViewerKeyOnlyReads(string header, string prefix)
    {
        using var admin = await ApiClients.AdminAsync(factory);
        async Task<string> KeyAsync(string role) =>
            (await (await admin.PostAsJsonAsync("/api/keys", new { name = $"ci-{role}-{header}", role })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("key").GetString()!;
        using var adminKey = ApiClients.WithHeader(factory, header, prefix + await KeyAsync("admin"));
        using var viewerKey = ApiClients.WithHeader(factory, header, prefix + await KeyAsync("viewer"));
        var (impi, impu) = SubscriberBodies.NewIdentity("key");

        var created = await adminKey.PostAsJsonAsync("/api/subscribers", SubscriberBodies.Digest(impi, impu));
        var read = await viewerKey.GetAsync(SubscriberBodies.PathOf(impi));
        var write = await viewerKey.PatchAsJsonAsync(SubscriberBodies.PathOf(impi), new { enabled = false });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }
}
