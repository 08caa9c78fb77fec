using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImsLab.Tests.Api;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task LivenessAnswersHealthyWhileTheHostRuns()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
