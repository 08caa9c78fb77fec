using System.Text;
using ImsLab.Sip.Transport;
using ImsLab.Tests.Sip.Support;

namespace ImsLab.Tests.Sip.Transport;

/// <summary>The TCP transport over real loopback connections: framing (RFC 3261 18.3), keep-alives (RFC 5626 4.4.1), limits.</summary>
public sealed class TcpTransportTests
{
    [Fact]
    public async Task MessageSplitAcrossWritesIsFramedAsOne()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = (TcpTestPeer)await server.PeerAsync(SipTransportProtocol.Tcp);
        var bytes = Encoding.UTF8.GetBytes(SipWire.Request("OPTIONS", peer, callId: "split", body: "a body of 22 octets..."));

        foreach (var cut in new[] { (0, 3), (3, 40), (43, bytes.Length - 43 - 5), (bytes.Length - 5, 5) })
        {
            await peer.SendAsync(bytes.AsMemory(cut.Item1, cut.Item2));
        }

        var response = await peer.ReceiveResponseAsync();
        Assert.Equal("split", response.CallId);
        await peer.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task TwoMessagesInOneWriteGetTwoResponses()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Tcp);

        await peer.SendAsync(SipWire.Request("OPTIONS", peer, callId: "first") + SipWire.Request("INVITE", peer, callId: "second"));

        var first = await peer.ReceiveResponseAsync();
        var second = await peer.ReceiveResponseAsync();
        Assert.Equal(("first", 200), (first.CallId, first.StatusCode));
        Assert.Equal(("second", 405), (second.CallId, second.StatusCode));
    }

    [Fact]
    public async Task DoubleCrlfPingGetsASingleCrlfPong()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = (TcpTestPeer)await server.PeerAsync(SipTransportProtocol.Tcp);

        await peer.SendAsync("\r\n\r\n");

        Assert.Equal("\r\n"u8.ToArray(), await peer.ReadChunkAsync());
        await peer.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task IdleConnectionIsClosedWhenTheIdleTimeoutPasses()
    {
        await using var server = await LoopbackSipStack.StartAsync(o => o.Transport.TcpIdleTimeout = TimeSpan.FromSeconds(30));
        await using var peer = (TcpTestPeer)await server.PeerAsync(SipTransportProtocol.Tcp);
        await peer.AssertNothingPendingAsync();

        server.Clock.Advance(TimeSpan.FromSeconds(29));
        await peer.AssertNothingPendingAsync();
        server.Clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Empty(await peer.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task PeerThatSendsMoreThanTheBufferLimitWithoutFinishingAMessageIsCutOff()
    {
        await using var server = await LoopbackSipStack.StartAsync(o => o.Transport.MaxTcpConnectionBufferBytes = 4096);
        await using var peer = (TcpTestPeer)await server.PeerAsync(SipTransportProtocol.Tcp);
        var unfinished = "OPTIONS sip:ims.lab SIP/2.0\r\nX-Filler: " + new string('x', 8000) + "\r\n";

        await peer.SendAsync(unfinished);

        Assert.Empty(await peer.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task MessageOverTheSizeLimitClosesTheConnection()
    {
        await using var server = await LoopbackSipStack.StartAsync(o => o.Transport.ParserLimits = o.Transport.ParserLimits with { MaxMessageBytes = 2048 });
        await using var peer = (TcpTestPeer)await server.PeerAsync(SipTransportProtocol.Tcp);

        await peer.SendAsync(SipWire.Request("OPTIONS", peer, body: new string('b', 4000)));

        Assert.Empty(await peer.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task ConnectionsBeyondTheLimitAreClosedAtOnce()
    {
        await using var server = await LoopbackSipStack.StartAsync(o => o.Transport.MaxTcpConnections = 1);
        await using var first = (TcpTestPeer)await server.PeerAsync(SipTransportProtocol.Tcp);
        await first.AssertNothingPendingAsync();

        await using var second = (TcpTestPeer)await server.PeerAsync(SipTransportProtocol.Tcp);

        Assert.Empty(await second.ReadUntilClosedAsync());
        await first.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task NegativeContentLengthGets400AndTheConnectionCloses()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = (TcpTestPeer)await server.PeerAsync(SipTransportProtocol.Tcp);
        var request = SipWire.Request("OPTIONS", peer, callId: "ncl").Replace("Content-Length: 0", "Content-Length: -999");

        await peer.SendAsync(request);

        var response = await peer.ReceiveResponseAsync();
        Assert.Equal((400, "ncl"), (response.StatusCode, response.CallId));
        Assert.Empty(await peer.ReadUntilClosedAsync());
    }
}
