using System.Diagnostics.Metrics;
using ImsLab.Api.Operations.Metrics;

namespace ImsLab.Api.Live;

/// <summary>The live hub's instruments on the "ImsLab.Api" meter, so /metrics shows when watchers fall behind.</summary>
internal sealed class LiveMetrics
{
    public LiveMetrics(IMeterFactory meterFactory, LiveConnections connections, RegistrationEventsBroadcaster broadcaster)
    {
        var meter = meterFactory.Create(ApiMetrics.MeterName);
        meter.CreateObservableGauge("imslab.api.live.connections", () => connections.Count,
            description: "Open connections of the live registrations hub.");
        meter.CreateObservableCounter("imslab.api.live.dropped", () => (IEnumerable<Measurement<long>>)
            [
                new(broadcaster.Dropped, new KeyValuePair<string, object?>("stage", "broadcaster")),
                new(connections.Dropped, new KeyValuePair<string, object?>("stage", "connection")),
            ],
            description: "Live hub losses: events the broadcaster dropped behind the bus, and messages slow connections dropped from their outboxes.");
    }
}
