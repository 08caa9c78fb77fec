using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ImsLab.Sip.Transport;
using ImsLab.Tests.Sip.Support;

namespace ImsLab.Tests.Sip.Transport;

/// <summary>What the stack tells operators: counters on the "ImsLab.Sip" meter, and logs that never carry credentials.</summary>
public sealed class SipTransportDiagnosticsTests
{
    private const string DigestResponse = "6629fae49393a05397450978507c4ef1";

    [Fact]
    public async Task AuthorizationValuesNeverReachTheLogsEvenAtTrace()
    {
        var loggers = new CapturingLoggerFactory();
        await using var server = await LoopbackSipStack.StartAsync(loggers: loggers);
        server.Stack.MapMethod("REGISTER", new RecordingHandler(401));
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        var authorization = $"Authorization: Digest username=\"alice@ims.lab\", realm=\"ims.lab\", nonce=\"bm9uY2U=\", uri=\"sip:ims.lab\", response=\"{DigestResponse}\"";

        await peer.SendAsync(SipWire.Request("REGISTER", peer, extraHeaders: authorization));
        await peer.ReceiveResponseAsync();
        await peer.SendAsync(SipWire.Request("REGISTER", peer, extraHeaders: authorization + "\r\nProxy-Authorization: Digest response=\"" + DigestResponse + "\"").Replace("CSeq: 1 REGISTER", "CSeq: 1 INVITE"));
        Assert.Equal(400, (await peer.ReceiveResponseAsync()).StatusCode);

        Assert.Contains(loggers.Lines, line => line.Contains("REGISTER sip:ims.lab SIP/2.0", StringComparison.Ordinal));
        Assert.Contains(loggers.Lines, line => line.Contains("Authorization: <redacted>", StringComparison.Ordinal));
        Assert.DoesNotContain(loggers.Lines, line => line.Contains(DigestResponse, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReceivedMessagesDropsAndParseFailuresAreCounted()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        var measurements = new ConcurrentQueue<(string Instrument, long Value, string? Tag)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, server.Stack.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Enqueue((instrument.Name, value, tags.Length > 0 ? tags[0].Value?.ToString() : null)));
        listener.Start();
        await using var udp = await server.PeerAsync(SipTransportProtocol.Udp);
        await using var tcp = await server.PeerAsync(SipTransportProtocol.Tcp);

        await udp.SendAsync("garbage\r\n\r\n");
        await udp.SendAsync("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKstray\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: x\r\nCSeq: 1 NOTIFY\r\nContent-Length: 0\r\n\r\n");
        await udp.AssertNothingPendingAsync();
        await tcp.AssertNothingPendingAsync();

        long Sum(string name, string? tag) => measurements.Where(m => m.Instrument == name && m.Tag == tag).Sum(m => m.Value);
        Assert.Equal(3, Sum("imslab.sip.messages.received", "udp"));
        Assert.Equal(1, Sum("imslab.sip.messages.received", "tcp"));
        Assert.Equal(1, Sum("imslab.sip.drops", "Unparseable"));
        Assert.Equal(1, Sum("imslab.sip.drops", "StrayResponse"));
        Assert.Equal(1, measurements.Count(m => m.Instrument == "imslab.sip.parse.failures"));
        Assert.Equal(1, Sum("imslab.sip.connections.open", null));
    }
}
