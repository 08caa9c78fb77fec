using ImsLab.Sip.Messages;
using ImsLab.Sip.Transactions;
using ImsLab.Sip.Transport;
using ImsLab.Tests.Sip.Support;

namespace ImsLab.Tests.Sip.Transactions;

/// <summary>The UAS core of the stack (RFC 3261 8.2, 11), exercised over real loopback sockets.</summary>
public sealed class SipStackTests
{
    public static TheoryData<SipTransportProtocol, bool> EveryListener => new()
    {
        { SipTransportProtocol.Udp, false },
        { SipTransportProtocol.Tcp, false },
        { SipTransportProtocol.Udp, true },
        { SipTransportProtocol.Tcp, true },
    };

    [Theory]
    [MemberData(nameof(EveryListener))]
    public async Task OptionsGets200WithAllowAndSupported(SipTransportProtocol protocol, bool ipv6)
    {
        await using var server = await LoopbackSipStack.StartAsync();
        server.Stack.MapMethod("REGISTER", new RecordingHandler());
        await using var peer = await server.PeerAsync(protocol, ipv6);

        await peer.SendAsync(SipWire.Request("OPTIONS", peer, callId: "options-1"));
        var response = await peer.ReceiveResponseAsync();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("options-1", response.CallId);
        Assert.Equal("OPTIONS, ACK, CANCEL, REGISTER", response.Headers.GetFirst("Allow"));
        Assert.Equal("path, outbound, gruu", response.Headers.GetFirst("Supported"));
        Assert.NotNull(response.To?.Tag);
    }

    [Fact]
    public async Task InviteWithoutHandlerGets405WithAllow()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        server.Stack.MapMethod("SUBSCRIBE", new RecordingHandler());
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);

        await peer.SendAsync(SipWire.Request("INVITE", peer));
        var response = await peer.ReceiveResponseAsync();

        Assert.Equal(405, response.StatusCode);
        Assert.Equal("OPTIONS, ACK, CANCEL, SUBSCRIBE", response.Headers.GetFirst("Allow"));
    }

    [Fact]
    public async Task UnknownMethodGets501WithItsOwnCSeq()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);

        await peer.SendAsync(SipWire.Request("FROBNICATE", peer, cseq: 7));
        var response = await peer.ReceiveResponseAsync();

        Assert.Equal(501, response.StatusCode);
        Assert.Equal(new SipCSeq(7, "FROBNICATE"), response.CSeq);
    }

    [Fact]
    public async Task RegisterWithMaxForwardsZeroGets483WithoutReachingTheHandler()
    {
        var handler = new RecordingHandler();
        await using var server = await LoopbackSipStack.StartAsync("REGISTER", handler);
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);

        await peer.SendAsync(SipWire.Request("REGISTER", peer, maxForwards: 0));
        var response = await peer.ReceiveResponseAsync();

        Assert.Equal(483, response.StatusCode);
        Assert.Equal(0, handler.CallCount);
    }

    [Fact]
    public async Task OptionsWithMaxForwardsZeroIsAnsweredAsItsFinalRecipient()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);

        await peer.SendAsync(SipWire.Request("OPTIONS", peer, maxForwards: 0));

        Assert.Equal(200, (await peer.ReceiveResponseAsync()).StatusCode);
    }

    [Fact]
    public async Task UnknownRequestUriSchemeGets416()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);

        await peer.SendAsync(SipWire.Request("OPTIONS", peer, requestUri: "nobodyKnowsThisScheme:totallyopaquecontent"));

        Assert.Equal(416, (await peer.ReceiveResponseAsync()).StatusCode);
    }

    [Fact]
    public async Task UnsupportedRequiredExtensionsGet420ListingThemInUnsupported()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);

        await peer.SendAsync(SipWire.Request("OPTIONS", peer, extraHeaders: "Require: path, nothingSupportsThis\r\nRequire: nothingSupportsThisEither"));
        var response = await peer.ReceiveResponseAsync();

        Assert.Equal(420, response.StatusCode);
        Assert.Equal("nothingSupportsThis, nothingSupportsThisEither", response.Headers.GetFirst("Unsupported"));
    }

    [Fact]
    public async Task RequireSecAgreeFromAUeStillReachesTheHandler()
    {
        var handler = new RecordingHandler(401);
        await using var server = await LoopbackSipStack.StartAsync("REGISTER", handler);
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);

        await peer.SendAsync(SipWire.Request("REGISTER", peer, extraHeaders: "Require: sec-agree\r\nProxy-Require: sec-agree"));

        Assert.Equal(401, (await peer.ReceiveResponseAsync()).StatusCode);
        Assert.Equal(1, handler.CallCount);
    }

    [Fact]
    public async Task CancelMatchingNoTransactionGets481()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);

        await peer.SendAsync(SipWire.Request("CANCEL", peer));

        Assert.Equal(481, (await peer.ReceiveResponseAsync()).StatusCode);
    }

    [Fact]
    public async Task CancelMatchingATransactionGets200()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        server.Stack.MapMethod("REGISTER", new RecordingHandler());
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        var branch = SipWire.NewBranch();
        await peer.SendAsync(SipWire.Request("REGISTER", peer, branch: branch, callId: "cancelled"));
        Assert.Equal(200, (await peer.ReceiveResponseAsync()).StatusCode);

        await peer.SendAsync(SipWire.Request("CANCEL", peer, branch: branch, callId: "cancelled"));
        var response = await peer.ReceiveResponseAsync();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("CANCEL", response.CSeq?.Method);
    }

    [Fact]
    public async Task AckMatchingNoTransactionGetsNoResponse()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);

        await peer.SendAsync(SipWire.Request("ACK", peer));

        await peer.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task HandlerThatThrowsGets500()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        server.Stack.MapMethod("REGISTER", new ThrowingHandler());
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);

        await peer.SendAsync(SipWire.Request("REGISTER", peer));

        Assert.Equal(500, (await peer.ReceiveResponseAsync()).StatusCode);
    }

    [Theory]
    [MemberData(nameof(EveryListener))]
    public async Task HandlerSeesTheFlowTheRequestCameOn(SipTransportProtocol protocol, bool ipv6)
    {
        var handler = new RecordingHandler();
        await using var server = await LoopbackSipStack.StartAsync("REGISTER", handler);
        await using var peer = await server.PeerAsync(protocol, ipv6);

        await peer.SendAsync(SipWire.Request("REGISTER", peer));
        await peer.ReceiveResponseAsync();

        var flow = Assert.Single(handler.Calls).Flow;
        Assert.Equal(protocol, flow.Transport);
        Assert.Equal(peer.LocalEndPoint, flow.Remote);
        Assert.Equal(server.Endpoint(protocol, ipv6), flow.Local);
        Assert.Equal(protocol == SipTransportProtocol.Tcp, flow.ConnectionId != 0);
    }

    [Fact]
    public async Task OptionsWithAHandlerGoesToTheHandler()
    {
        var handler = new RecordingHandler(404);
        await using var server = await LoopbackSipStack.StartAsync("OPTIONS", handler);
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);

        await peer.SendAsync(SipWire.Request("OPTIONS", peer));

        Assert.Equal(404, (await peer.ReceiveResponseAsync()).StatusCode);
        Assert.Equal(1, handler.CallCount);
    }

    [Fact]
    public async Task InviteWithAHandlerGets100AndACancelEndsItWith487()
    {
        var handler = new GatedHandler();
        await using var server = await LoopbackSipStack.StartAsync("INVITE", handler);
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        var branch = SipWire.NewBranch();
        await peer.SendAsync(SipWire.Request("INVITE", peer, branch: branch, callId: "ringing"));
        Assert.Equal(100, (await peer.ReceiveResponseAsync()).StatusCode);
        var invite = await handler.NextAsync();

        await peer.SendAsync(SipWire.Request("CANCEL", peer, branch: branch, callId: "ringing"));
        var answers = new[] { await peer.ReceiveResponseAsync(), await peer.ReceiveResponseAsync() };
        await invite.RespondAsync(invite.CreateResponse(200));

        Assert.Contains(answers, r => r.StatusCode == 487 && r.CSeq?.Method == "INVITE");
        Assert.Contains(answers, r => r.StatusCode == 200 && r.CSeq?.Method == "CANCEL");
        Assert.Equal(487, invite.FinalStatusCode);
        await peer.AssertNothingPendingAsync();
    }

    [Fact]
    public void MappingAckOrCancelIsAProgrammerError()
    {
        var stack = new SipStack(new SipStackOptions(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        Assert.Throws<ArgumentException>(() => stack.MapMethod("ACK", new RecordingHandler()));
        Assert.Throws<ArgumentException>(() => stack.MapMethod("CANCEL", new RecordingHandler()));
    }

    private sealed class ThrowingHandler : ISipRequestHandler
    {
        public ValueTask HandleAsync(SipServerTransaction transaction, CancellationToken ct) =>
            throw new InvalidOperationException("a handler bug");
    }
}
