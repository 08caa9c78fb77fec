using ImsLab.Api.Operations.Health;
using ImsLab.Sip;

namespace ImsLab.Api.Sip;

/// <summary>
/// Ready once the SIP engine has bound every configured listener: before that, UEs pointed at the server get no
/// answer, so a load balancer or a CI script must not send them yet.
/// </summary>
internal sealed class SipListenersReadinessProbe(ImsLabSipEngine engine, ImsLabSipEngineOptions options) : IReadinessProbe
{
    public string Name => "sip-listeners";

    public ValueTask<ReadinessReport> ProbeAsync(CancellationToken cancellationToken)
    {
        var expected = options.Stack.Transport.Listeners.Count;
        var bound = engine.BoundEndpoints;
        var description = bound.Count == 0
            ? "no SIP listener bound yet"
            : string.Join(", ", bound.Select(b => $"{b.Protocol} {b.EndPoint}"));
        return ValueTask.FromResult(new ReadinessReport(bound.Count >= expected && expected > 0, description));
    }
}
