using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ImsLab.Tests.Api.Auth;

public sealed class RateLimitTests
{
    private static ApiFactory HostAllowing(int attempts) => new(new Dictionary<string, string>
    {
        ["ImsLab:Security:LoginAttemptsPerWindow"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ImsLab:Security:FailedApiKeyAttemptsPerWindow"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ImsLab:Security:AttemptWindow"] = "01:00:00",
    });

    [Fact]
    public async Task FailedApiKeyAttemptsBeyondTheBudgetAreAnswered429WithProblemDetails()
    {
        await using var factory = HostAllowing(3);
        using var client = ApiClients.WithHeader(factory, "X-Api-Key", "ilk_guessed-key");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.GetAsync("/api/keys")).StatusCode);
        }

        var blocked = await client.GetAsync("/api/keys");
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal("application/problem+json", blocked.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(blocked.Headers.RetryAfter);
    }

    [Fact]
    public async Task LoginAttemptsBeyondTheBudgetAreAnswered429WithProblemDetails()
    {
        await using var factory = HostAllowing(2);
        using var client = factory.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            var allowed = await client.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = ApiFactory.AdminPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task DashboardLoginFormBeyondTheBudgetReturnsToTheLoginPageWithAnExplanation()
    {
        await using var factory = HostAllowing(1);
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = "guess" });

        await client.PostAsync("/account/login", form());
        var refused = await client.PostAsync("/account/login", form());

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/login?error=rate-limited", refused.Headers.Location?.ToString());
    }

    [Fact]
    public async Task RateLimitedRequestsAreCounted()
    {
        await using var factory = HostAllowing(1);
        using var client = ApiClients.WithHeader(factory, "X-Api-Key", "ilk_guessed-key");
        await client.GetAsync("/api/keys");
        await client.GetAsync("/api/keys");

        var metrics = await factory.CreateClient().GetStringAsync("/metrics");

        Assert.Contains("imslab_api_rate_limited_total{limiter=\"api-key\"} 1\n", metrics);
        Assert.Contains("imslab_api_auth_failures_total{reason=\"unknown-or-revoked\",scheme=\"api-key\"} 1\n", metrics);
    }
}
