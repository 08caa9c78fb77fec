using System.Net;
using System.Net.Sockets;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Transactions;
using ImsLab.Sip.Transport;
using ImsLab.Tests.Sip.Support;

namespace ImsLab.Tests.Sip.Transactions;

/// <summary>RFC 3261 17.1.2 non-INVITE client transactions (the NOTIFY path), against raw loopback peers.</summary>
public sealed class SipClientTransactionTests
{
    [Fact]
    public async Task RequestIsRetransmittedOnTimerEAndGivesUpOnTimerF()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var silent = await server.PeerAsync(SipTransportProtocol.Udp);
        var t1 = server.Timers.T1;

        var sending = server.Stack.SendRequestAsync(Notify(), SipTransportProtocol.Udp, silent.LocalEndPoint, CancellationToken.None);
        var original = await silent.ReceiveRawAsync();

        // Timer E: T1, 2T1, 4T1, then T2 (4 s) until Timer F at 64*T1 = 32 s: sends at 0.5, 1.5, 3.5, 7.5, ... 31.5 s.
        var expectedIntervals = new[] { 1, 2, 4, 8, 8, 8, 8, 8, 8, 8 };
        foreach (var interval in expectedIntervals)
        {
            server.Clock.Advance(t1 * interval);
            Assert.Equal(original, await silent.ReceiveRawAsync());
        }

        Assert.False(sending.IsCompleted);
        server.Clock.Advance(t1);
        var result = await sending;

        Assert.Equal(SipClientOutcome.Timeout, result.Outcome);
        Assert.Equal(408, result.StatusCode);
        Assert.Equal(0, server.Stack.ClientTransactionCount);
    }

    [Fact]
    public async Task FinalResponseEndsTheTransactionWithThatResponse()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var watcher = await server.PeerAsync(SipTransportProtocol.Udp);

        var sending = server.Stack.SendRequestAsync(Notify(), SipTransportProtocol.Udp, watcher.LocalEndPoint, CancellationToken.None);
        var notify = await watcher.ReceiveRequestAsync();
        await watcher.SendAsync(SipResponse.CreateFor(notify, 481).ToBytes());
        var result = await sending;

        Assert.Equal(SipClientOutcome.Response, result.Outcome);
        Assert.Equal(481, result.StatusCode);
        Assert.False(result.IsSuccess);
    }

    [Fact]
    public async Task RequestGetsATopViaWithAFreshBranchRportAndMaxForwards()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var watcher = await server.PeerAsync(SipTransportProtocol.Udp);

        _ = server.Stack.SendRequestAsync(Notify(), SipTransportProtocol.Udp, watcher.LocalEndPoint, CancellationToken.None);
        var first = await watcher.ReceiveRequestAsync();
        _ = server.Stack.SendRequestAsync(Notify(), SipTransportProtocol.Udp, watcher.LocalEndPoint, CancellationToken.None);
        var second = await watcher.ReceiveRequestAsync();

        var via = Assert.Single(first.Vias);
        Assert.Equal("UDP", via.Transport);
        Assert.Equal("127.0.0.1", via.Host);
        Assert.Equal(server.Endpoint(SipTransportProtocol.Udp).Port, via.Port);
        Assert.True(via.HasRport);
        Assert.StartsWith("z9hG4bK", via.Branch);
        Assert.NotEqual(via.Branch, second.TopVia!.Branch);
        Assert.Equal(70, first.MaxForwards);
    }

    [Fact]
    public async Task ResponseRetransmissionsAfterTheFinalResponseAreAbsorbedUntilTimerK()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var watcher = await server.PeerAsync(SipTransportProtocol.Udp);
        var sending = server.Stack.SendRequestAsync(Notify(), SipTransportProtocol.Udp, watcher.LocalEndPoint, CancellationToken.None);
        var notify = await watcher.ReceiveRequestAsync();
        var ok = SipResponse.CreateFor(notify, 200).ToBytes();

        await watcher.SendAsync(ok);
        Assert.True((await sending).IsSuccess);
        await watcher.SendAsync(ok);
        await watcher.AssertNothingPendingAsync();
        Assert.Equal(1, server.Stack.ClientTransactionCount);

        server.Clock.Advance(server.Timers.T4);
        Assert.Equal(0, server.Stack.ClientTransactionCount);
    }

    [Fact]
    public async Task ProvisionalResponseStopsTheDoublingAtT2()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var watcher = await server.PeerAsync(SipTransportProtocol.Udp);
        var t1 = server.Timers.T1;
        _ = server.Stack.SendRequestAsync(Notify(), SipTransportProtocol.Udp, watcher.LocalEndPoint, CancellationToken.None);
        var notify = await watcher.ReceiveRequestAsync();
        await watcher.SendAsync(SipResponse.CreateFor(notify, 100).ToBytes());
        await watcher.AssertNothingPendingAsync();

        // RFC 3261 17.1.2.2: in Proceeding, Timer E fires at the T1 already armed, then every T2.
        server.Clock.Advance(t1);
        Assert.Equal(notify.CallId, (await watcher.ReceiveRequestAsync()).CallId);
        server.Clock.Advance(server.Timers.T2 - TimeSpan.FromMilliseconds(1));
        await watcher.AssertNothingPendingAsync();
        server.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(notify.CallId, (await watcher.ReceiveRequestAsync()).CallId);
    }

    [Fact]
    public async Task RequestGoesBackThroughTheTcpConnectionTheWatcherOpened()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var ue = await server.PeerAsync(SipTransportProtocol.Tcp);
        var flow = await SubscribeAsync(server, ue);

        var sending = server.Stack.SendRequestAsync(Notify(), flow, CancellationToken.None);
        var notify = await ue.ReceiveRequestAsync();
        await ue.SendAsync(SipResponse.CreateFor(notify, 200).ToBytes());
        var result = await sending;

        Assert.Equal("TCP", notify.TopVia!.Transport);
        Assert.True(result.IsSuccess);
        Assert.Equal(flow.ConnectionId, result.Flow!.ConnectionId);
    }

    [Fact]
    public async Task RequestOverTcpIsNeverRetransmitted()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var ue = await server.PeerAsync(SipTransportProtocol.Tcp);
        var flow = await SubscribeAsync(server, ue);

        var sending = server.Stack.SendRequestAsync(Notify(), flow, CancellationToken.None);
        await ue.ReceiveRequestAsync();
        server.Clock.Advance(server.Timers.T2);
        await ue.AssertNothingPendingAsync();
        server.Clock.Advance(server.Timers.T1 * 64);

        Assert.Equal(SipClientOutcome.Timeout, (await sending).Outcome);
    }

    [Fact]
    public async Task ConnectionRefusedIsATransportError()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var nobodyListens = (IPEndPoint)closed.LocalEndPoint!;

        var result = await server.Stack.SendRequestAsync(Notify(), SipTransportProtocol.Tcp, nobodyListens, CancellationToken.None);

        Assert.Equal(SipClientOutcome.TransportError, result.Outcome);
        Assert.Equal(0, server.Stack.ClientTransactionCount);
    }

    [Fact]
    public async Task NewTcpConnectionIsOpenedWhenTheFlowHasNone()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var other = await LoopbackSipStack.StartAsync();
        var handler = new RecordingHandler(200);
        other.Stack.MapMethod("NOTIFY", handler);

        var result = await server.Stack.SendRequestAsync(Notify(), SipTransportProtocol.Tcp, other.Endpoint(SipTransportProtocol.Tcp), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.NotEqual(0, result.Flow!.ConnectionId);
        Assert.Equal(1, handler.CallCount);
    }

    [Fact]
    public async Task InviteCannotBeSentAsANonInviteTransaction()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        var invite = new SipRequest("INVITE", SipUri.Parse("sip:bob@127.0.0.1"));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            server.Stack.SendRequestAsync(invite, SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Loopback, 5060), CancellationToken.None));
    }

    // A watcher subscribes over its own connection; the flow the handler saw is where NOTIFYs go.
    private static async Task<SipFlow> SubscribeAsync(LoopbackSipStack server, SipTestPeer watcher)
    {
        var handler = new RecordingHandler(200);
        server.Stack.MapMethod("SUBSCRIBE", handler);
        await watcher.SendAsync(SipWire.Request("SUBSCRIBE", watcher));
        await watcher.ReceiveResponseAsync();
        return Assert.Single(handler.Calls).Flow;
    }

    private static SipRequest Notify()
    {
        var notify = new SipRequest("NOTIFY", SipUri.Parse("sip:alice@127.0.0.1"));
        notify.Headers.Add("From", "<sip:alice@ims.lab>;tag=reg1");
        notify.Headers.Add("To", "<sip:alice@ims.lab>;tag=ue1");
        notify.Headers.Add("Call-ID", Guid.NewGuid().ToString("N"));
        notify.Headers.Add("CSeq", "1 NOTIFY");
        notify.Headers.Add("Event", "reg");
        notify.Headers.Add("Subscription-State", "active;expires=600");
        return notify;
    }
}
