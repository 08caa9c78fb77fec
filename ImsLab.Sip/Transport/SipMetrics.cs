using System.Diagnostics.Metrics;
using ImsLab.Sip.Parsing;

namespace ImsLab.Sip.Transport;

/// <summary>The stack's counters, on the meter "ImsLab.Sip" (read them with dotnet-counters or a MeterListener).</summary>
internal sealed class SipMetrics : IDisposable
{
    public const string MeterName = "ImsLab.Sip";

    private readonly Meter _meter;

    public Meter Meter => _meter;
    private readonly Counter<long> _received;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _parseFailures;
    private readonly Counter<long> _drops;
    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _retransmissions;

    public SipMetrics()
    {
        _meter = new Meter(MeterName);
        _received = _meter.CreateCounter<long>("imslab.sip.messages.received", "{message}", "SIP messages received, by transport");
        _sent = _meter.CreateCounter<long>("imslab.sip.messages.sent", "{message}", "SIP messages sent, by transport");
        _parseFailures = _meter.CreateCounter<long>("imslab.sip.parse.failures", "{message}", "Received messages that failed to parse, by reason");
        _drops = _meter.CreateCounter<long>("imslab.sip.drops", "{message}", "Received messages or connections discarded, by reason");
        _connections = _meter.CreateUpDownCounter<long>("imslab.sip.connections.open", "{connection}", "Open TCP connections");
        _retransmissions = _meter.CreateCounter<long>("imslab.sip.retransmissions", "{message}", "Messages re-sent by transaction timers or for retransmitted requests");
    }

    public void MessageReceived(SipTransportProtocol transport) => _received.Add(1, new KeyValuePair<string, object?>("transport", Name(transport)));

    public void MessageSent(SipTransportProtocol transport) => _sent.Add(1, new KeyValuePair<string, object?>("transport", Name(transport)));

    public void ParseFailed(SipParseError error) => _parseFailures.Add(1, new KeyValuePair<string, object?>("reason", error.ToString()));

    public void Dropped(SipDropReason reason) => _drops.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));

    public void ConnectionOpened() => _connections.Add(1);

    public void ConnectionClosed() => _connections.Add(-1);

    public void Retransmitted() => _retransmissions.Add(1);

    public void Dispose() => _meter.Dispose();

    private static string Name(SipTransportProtocol transport) => transport == SipTransportProtocol.Udp ? "udp" : "tcp";
}
