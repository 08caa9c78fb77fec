using System.Net;
using System.Text.Json;
using ImsLab.Api.Operations.Health;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ImsLab.Tests.Api.Operations.Health;

public sealed class ReadinessEndpointTests
{
    private sealed class FixedProbe(string name, bool ready) : IReadinessProbe
    {
        public string Name => name;

        public ValueTask<ReadinessReport> ProbeAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult(new ReadinessReport(ready, ready ? "bound" : "UDP 0.0.0.0:5060 not bound"));
    }

    private static WebApplicationFactory<Program> HostWith(params IReadinessProbe[] probes) =>
        new ApiFactory().WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            foreach (var probe in probes)
            {
                services.AddSingleton(probe);
            }
        }));

    [Fact]
    public async Task ReadinessIsUnavailableAndNamesTheProbeThatIsNotReady()
    {
        await using var factory = HostWith(new FixedProbe("sip-listeners", ready: false), new FixedProbe("other", ready: true));
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        var probes = body.RootElement.GetProperty("checks").EnumerateArray()
            .Single(check => check.GetProperty("name").GetString() == "readiness-probes");
        Assert.Equal("not ready: sip-listeners", probes.GetProperty("description").GetString());
        Assert.Equal("UDP 0.0.0.0:5060 not bound", probes.GetProperty("data").GetProperty("sip-listeners").GetString());
    }

    [Fact]
    public async Task LivenessStaysHealthyWhileAProbeIsNotReady()
    {
        await using var factory = HostWith(new FixedProbe("sip-listeners", ready: false));
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReadinessIsHealthyWhenEveryProbeIsReady()
    {
        await using var factory = HostWith(new FixedProbe("sip-listeners", ready: true));
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
