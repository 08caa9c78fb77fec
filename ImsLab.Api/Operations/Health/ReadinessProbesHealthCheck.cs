using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImsLab.Api.Operations.Health;

/// <summary>Unhealthy while any registered <see cref="IReadinessProbe"/> says it is not ready.</summary>
internal sealed class ReadinessProbesHealthCheck(IEnumerable<IReadinessProbe> probes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var notReady = new List<string>();
        foreach (var probe in probes)
        {
            ReadinessReport report;
            try
            {
                report = await probe.ProbeAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A throwing probe is a defect in that probe; the server is still not ready, and the report says why.
                report = new ReadinessReport(false, $"probe failed: {exception.GetType().Name}");
            }

            data[probe.Name] = report.Description;
            if (!report.IsReady)
            {
                notReady.Add(probe.Name);
            }
        }

        return notReady.Count == 0
            ? HealthCheckResult.Healthy(data.Count == 0 ? "no readiness probes registered" : "all probes ready", data)
            : HealthCheckResult.Unhealthy("not ready: " + string.Join(", ", notReady), data: data);
    }
}
