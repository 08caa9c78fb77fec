using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ImsLab.Tests.Api.Operations.Problems;

/// <summary>A request the API cannot read gets a 400 whose detail says where, without quoting the body.</summary>
public sealed class UnreadableRequestTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<string> DetailOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("detail").GetString()!;
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task AValueOfTheWrongTypeIsNamedByItsJsonPath()
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var detail = await DetailOf(await admin.PostAsync("/api/subscribers", Json("{\"impi\": 5}")));

        Assert.Contains("$.impi", detail);
    }

    [Fact]
    public async Task TruncatedJsonSaysWhereItStoppedWithoutQuotingTheBody()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        const string Key = "465b5ce8b199b49faa5f0a2ee238a6bc";

        var detail = await DetailOf(await admin.PostAsync("/api/subscribers", Json("{\"impi\": \"a@x.org\", \"auth\": {\"k\": " + Key[..8])));

        Assert.Contains("line 1", detail);
        Assert.DoesNotContain(Key[..4], detail);
    }

    [Fact]
    public async Task AQueryParameterThatDoesNotBindIsNamed()
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var detail = await DetailOf(await admin.GetAsync("/api/subscribers?page=abc"));

        Assert.Contains("page", detail);
    }
}
