namespace ImsLab.Api.Operations.Health;

/// <summary>
/// Something the server needs before it can do useful work (for example the SIP listeners being bound). Every
/// registered probe is asked by /health/ready; the SIP host service registers one for its listeners.
/// </summary>
public interface IReadinessProbe
{
    /// <summary>Short name shown in the readiness report, e.g. "sip-listeners".</summary>
    string Name { get; }

    /// <summary>Reports whether this part is ready; must be quick and must not throw for an expected "not ready".</summary>
    ValueTask<ReadinessReport> ProbeAsync(CancellationToken cancellationToken);
}
