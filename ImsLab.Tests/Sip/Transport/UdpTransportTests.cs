using System.Text;
using ImsLab.Sip.Transport;
using ImsLab.Tests.Sip.Support;

namespace ImsLab.Tests.Sip.Transport;

/// <summary>The UDP transport over real loopback sockets: RFC 3261 18.2.1/18.2.2 with RFC 3581, and bad input.</summary>
public sealed class UdpTransportTests
{
    [Fact]
    public async Task GarbageDatagramIsDroppedAndTheNextRequestIsAnswered()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);

        await peer.SendAsync(new byte[] { 0x00, 0xFF, 0x13, 0x37, 0x0D, 0x0A, 0x0D, 0x0A, 0x80 });
        await peer.SendAsync("\r\n\r\n");
        await peer.SendAsync("this is not SIP at all\r\n\r\n");

        await peer.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task EmptyRportGetsTheSourcePortAndReceivedAndTheResponseGoesThere()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);

        // The sent-by names a host behind a NAT; only received:rport reaches the peer (RFC 3581 4, 5).
        await peer.SendAsync(SipWire.Request("OPTIONS", peer, via: "SIP/2.0/UDP 192.0.2.1:5099;rport;branch=z9hG4bKnat1"));
        var response = await peer.ReceiveResponseAsync();

        var via = response.TopVia!;
        Assert.Equal("192.0.2.1", via.Host);
        Assert.Equal("127.0.0.1", via.Received);
        Assert.Equal(peer.LocalEndPoint.Port, via.Rport);
        Assert.Equal("z9hG4bKnat1", via.Branch);
    }

    [Fact]
    public async Task SentByDifferentFromTheSourceGetsReceivedAndTheResponseGoesToReceivedAndSentByPort()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var sender = await server.PeerAsync(SipTransportProtocol.Udp);
        await using var listener = await server.PeerAsync(SipTransportProtocol.Udp);

        // RFC 3261 18.2.2: no rport, so the response goes to received (the source address) and the sent-by port.
        var via = $"SIP/2.0/UDP localhost:{listener.LocalEndPoint.Port};branch=z9hG4bKnorport";
        await sender.SendAsync(SipWire.Request("OPTIONS", sender, via: via, callId: "no-rport"));
        var response = await listener.ReceiveResponseAsync();

        Assert.Equal("no-rport", response.CallId);
        Assert.Equal("127.0.0.1", response.TopVia!.Received);
        Assert.False(response.TopVia.HasRport);
    }

    [Fact]
    public async Task SentByEqualToTheSourceGetsNoReceivedParameter()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);

        await peer.SendAsync(SipWire.Request("OPTIONS", peer));
        var response = await peer.ReceiveResponseAsync();

        Assert.Null(response.TopVia!.Received);
    }

    [Fact]
    public async Task MaddrTakesPrecedenceForTheResponse()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var sender = await server.PeerAsync(SipTransportProtocol.Udp);
        await using var listener = await server.PeerAsync(SipTransportProtocol.Udp);

        var via = $"SIP/2.0/UDP 192.0.2.7:{listener.LocalEndPoint.Port};maddr=127.0.0.1;rport;branch=z9hG4bKmaddr";
        await sender.SendAsync(SipWire.Request("OPTIONS", sender, via: via, callId: "maddr"));

        Assert.Equal("maddr", (await listener.ReceiveResponseAsync()).CallId);
    }

    [Fact]
    public async Task RequestWithAMismatchedCSeqGets400NamingTheProblem()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        var request = SipWire.Request("OPTIONS", peer, callId: "mismatch").Replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE");

        await peer.SendAsync(request);
        var response = await peer.ReceiveResponseAsync();

        Assert.Equal(400, response.StatusCode);
        Assert.StartsWith("Bad Request (", response.ReasonPhrase);
        Assert.Equal("mismatch", response.CallId);
        Assert.NotNull(response.To?.Tag);
    }

    [Fact]
    public async Task UnknownSipVersionGets505()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);

        await peer.SendAsync(SipWire.Request("OPTIONS", peer).Replace("sip:ims.lab SIP/2.0", "sip:ims.lab SIP/7.0"));

        Assert.Equal(505, (await peer.ReceiveResponseAsync()).StatusCode);
    }

    [Fact]
    public async Task StrayResponseIsDropped()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        var stray = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKnobody\r\nFrom: <sip:a@b>;tag=1\r\n"
            + "To: <sip:a@b>;tag=2\r\nCall-ID: stray\r\nCSeq: 1 NOTIFY\r\nContent-Length: 0\r\n\r\n";

        await peer.SendAsync(Encoding.ASCII.GetBytes(stray));

        await peer.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task ForceRportSendsTheResponseBackToTheSourceEvenWithoutRport()
    {
        await using var server = await LoopbackSipStack.StartAsync(o => o.Transport.ForceRport = true);
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);

        await peer.SendAsync(SipWire.Request("OPTIONS", peer, via: "SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bKforced"));
        var response = await peer.ReceiveResponseAsync();

        Assert.Equal(peer.LocalEndPoint.Port, response.TopVia!.Rport);
        Assert.Equal("127.0.0.1", response.TopVia.Received);
    }
}
