using System.Net;

namespace ImsLab.Tests.Api.Operations.Metrics;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task MetricsEndpointServesTheTextFormatWithTheHostsRequestHistogram()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        await client.GetAsync("/health/live");

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE imslab_api_http_request_duration_seconds histogram\n", text);
        Assert.Contains("imslab_api_http_request_duration_seconds_count{method=\"GET\",route=\"/health/live\",status=\"200\"} 1\n", text);
    }
}
