using System.Net;

namespace ImsLab.Tests.Api.Operations.Health;

public sealed class LivenessEndpointTests
{
    [Fact]
    public async Task LivenessAnswersHealthyWhileTheHostRuns()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
