using ImsLab.Sip.Transactions;
using ImsLab.Sip.Transport;
using ImsLab.Tests.Sip.Support;

namespace ImsLab.Tests.Sip.Transactions;

/// <summary>RFC 3261 17.2.1 and 17.2.2 server transactions, driven over loopback UDP with a manual clock.</summary>
public sealed class SipServerTransactionTests
{
    [Fact]
    public async Task RetransmittedRegisterGetsTheIdenticalResponseWithoutASecondHandlerCall()
    {
        var handler = new RecordingHandler(401);
        await using var server = await LoopbackSipStack.StartAsync("REGISTER", handler);
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        var register = SipWire.Request("REGISTER", peer);

        await peer.SendAsync(register);
        var first = await peer.ReceiveRawAsync();
        await peer.SendAsync(register);
        var second = await peer.ReceiveRawAsync();

        Assert.Equal(first, second);
        Assert.Equal(1, handler.CallCount);
    }

    [Fact]
    public async Task TimerJRemovesTheCompletedTransactionSoTheSameRequestIsNewAgain()
    {
        var handler = new RecordingHandler(200);
        await using var server = await LoopbackSipStack.StartAsync("REGISTER", handler);
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        var register = SipWire.Request("REGISTER", peer);
        await peer.SendAsync(register);
        await peer.ReceiveResponseAsync();
        var timerJ = server.Timers.T1 * 64;

        server.Clock.Advance(timerJ - TimeSpan.FromMilliseconds(1));
        await peer.SendAsync(register);
        await peer.ReceiveResponseAsync();
        Assert.Equal(1, handler.CallCount);

        server.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, server.Stack.ServerTransactionCount);
        await peer.SendAsync(register);
        await peer.ReceiveResponseAsync();
        Assert.Equal(2, handler.CallCount);
    }

    [Fact]
    public async Task AnsweredUdpTransactionIsKeptAsItsResponseAloneUntilTimerJ()
    {
        var handler = new GatedHandler();
        await using var server = await LoopbackSipStack.StartAsync("REGISTER", handler);
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        var register = SipWire.Request("REGISTER", peer);
        await peer.SendAsync(register);
        var transaction = await handler.NextAsync();
        await transaction.RespondAsync(transaction.CreateResponse(200));
        var first = await peer.ReceiveRawAsync();

        Assert.Equal(1, server.Stack.CompletedTransactionCount);
        Assert.Equal(1, server.Stack.ServerTransactionCount);
        Assert.Equal(SipServerTransactionState.Completed, transaction.State);
        await peer.SendAsync(register);
        Assert.Equal(first, await peer.ReceiveRawAsync());
        Assert.Equal(1, handler.CallCount);

        server.Clock.Advance(server.Timers.T1 * 64);

        Assert.Equal(0, server.Stack.CompletedTransactionCount);
    }

    [Fact]
    public async Task AnsweredTcpTransactionEndsAtOnceWithNothingKeptForRetransmissions()
    {
        var handler = new RecordingHandler(200);
        await using var server = await LoopbackSipStack.StartAsync("REGISTER", handler);
        await using var peer = await server.PeerAsync(SipTransportProtocol.Tcp);
        await peer.SendAsync(SipWire.Request("REGISTER", peer));
        await peer.ReceiveResponseAsync();

        Assert.Equal(0, server.Stack.CompletedTransactionCount);
    }

    [Fact]
    public async Task RetransmissionWhileProceedingGetsTheLastProvisionalResponse()
    {
        var handler = new GatedHandler();
        await using var server = await LoopbackSipStack.StartAsync("REGISTER", handler);
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        var register = SipWire.Request("REGISTER", peer);

        await peer.SendAsync(register);
        await peer.SendAsync(register);
        var transaction = await handler.NextAsync();
        Assert.Equal(SipServerTransactionState.Trying, transaction.State);
        await transaction.RespondAsync(transaction.CreateResponse(100));
        Assert.Equal(100, (await peer.ReceiveResponseAsync()).StatusCode);
        await peer.SendAsync(register);
        Assert.Equal(100, (await peer.ReceiveResponseAsync()).StatusCode);
        await transaction.RespondAsync(transaction.CreateResponse(200));

        Assert.Equal(200, (await peer.ReceiveResponseAsync()).StatusCode);
        Assert.Equal(SipServerTransactionState.Completed, transaction.State);
        Assert.Equal(1, handler.CallCount);
    }

    [Fact]
    public async Task ResponsesAfterTheFinalOneAreIgnored()
    {
        var handler = new GatedHandler();
        await using var server = await LoopbackSipStack.StartAsync("REGISTER", handler);
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        await peer.SendAsync(SipWire.Request("REGISTER", peer));
        var transaction = await handler.NextAsync();

        await transaction.RespondAsync(transaction.CreateResponse(401));
        await transaction.RespondAsync(transaction.CreateResponse(200));

        Assert.Equal(401, (await peer.ReceiveResponseAsync()).StatusCode);
        Assert.Equal(401, transaction.FinalStatusCode);
        await peer.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task FinalResponsesOfOneTransactionCarryTheSameToTag()
    {
        var handler = new GatedHandler();
        await using var server = await LoopbackSipStack.StartAsync("REGISTER", handler);
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        await peer.SendAsync(SipWire.Request("REGISTER", peer));
        var transaction = await handler.NextAsync();

        var provisional = transaction.CreateResponse(180);
        var final = transaction.CreateResponse(200);

        Assert.NotNull(final.To?.Tag);
        Assert.Equal(final.To!.Tag, provisional.To?.Tag);
        Assert.Null(transaction.CreateResponse(100).To?.Tag);
    }

    [Fact]
    public async Task InviteFailureResponseIsRetransmittedOnTimerGUntilTheAckWhichGetsNoResponse()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        var branch = SipWire.NewBranch();
        var invite = SipWire.Request("INVITE", peer, branch: branch, callId: "invite-g");
        await peer.SendAsync(invite);
        var first = await peer.ReceiveRawAsync();
        var t1 = server.Timers.T1;

        server.Clock.Advance(t1);
        Assert.Equal(first, await peer.ReceiveRawAsync());
        server.Clock.Advance(t1 * 2);
        Assert.Equal(first, await peer.ReceiveRawAsync());

        await peer.SendAsync(SipWire.Request("ACK", peer, branch: branch, callId: "invite-g"));
        await peer.AssertNothingPendingAsync();
        server.Clock.Advance(t1 * 4);
        await peer.SendAsync(invite);
        await peer.AssertNothingPendingAsync();

        // Timer I ends the Confirmed transaction: the same INVITE is now a new request with a new To tag.
        server.Clock.Advance(server.Timers.T4);
        await peer.SendAsync(invite);
        var fresh = await peer.ReceiveResponseAsync();
        Assert.Equal(405, fresh.StatusCode);
        Assert.NotEqual(ToTag(first), fresh.To?.Tag);
    }

    private static string? ToTag(byte[] response) =>
        ((ImsLab.Sip.Messages.SipResponse)ImsLab.Sip.Parsing.SipMessageParser.Parse(response, ImsLab.Sip.Parsing.SipParserLimits.Default).Message!).To?.Tag;

    [Fact]
    public async Task InviteTransactionEndsOnTimerHWhenNoAckComes()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        await peer.SendAsync(SipWire.Request("INVITE", peer));
        await peer.ReceiveResponseAsync();

        server.Clock.Advance(server.Timers.T1 * 64);

        Assert.Equal(0, server.Stack.ServerTransactionCount);
    }

    [Fact]
    public async Task TransactionWhoseHandlerNeverAnswersIsFreedAfter64T1()
    {
        var handler = new GatedHandler();
        await using var server = await LoopbackSipStack.StartAsync("SUBSCRIBE", handler);
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        await peer.SendAsync(SipWire.Request("SUBSCRIBE", peer));
        await handler.NextAsync();
        Assert.Equal(1, server.Stack.ServerTransactionCount);

        server.Clock.Advance(server.Timers.T1 * 64);

        Assert.Equal(0, server.Stack.ServerTransactionCount);
    }

    [Fact]
    public async Task TransactionAnsweredLateLivesTimerJAfterItsAnswerNotUntilTheGuardSetOnArrival()
    {
        var handler = new GatedHandler();
        await using var server = await LoopbackSipStack.StartAsync("REGISTER", handler);
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        var register = SipWire.Request("REGISTER", peer);
        var sixtyFourT1 = server.Timers.T1 * 64;
        await peer.SendAsync(register);
        var transaction = await handler.NextAsync();

        server.Clock.Advance(sixtyFourT1 / 2);
        await transaction.RespondAsync(transaction.CreateResponse(200));
        await peer.ReceiveResponseAsync();
        server.Clock.Advance(sixtyFourT1 / 2);

        // The guard armed on arrival has passed: the completed transaction still absorbs the retransmission.
        Assert.Equal(1, server.Stack.ServerTransactionCount);
        await peer.SendAsync(register);
        Assert.Equal(200, (await peer.ReceiveResponseAsync()).StatusCode);
        Assert.Equal(1, handler.CallCount);

        server.Clock.Advance(sixtyFourT1 / 2);

        Assert.Equal(0, server.Stack.ServerTransactionCount);
    }

    [Fact]
    public async Task ManyTransactionsAnsweredAtOnceAllLeaveAtTheirTimerJ()
    {
        var handler = new RecordingHandler(200);
        await using var server = await LoopbackSipStack.StartAsync("REGISTER", handler);
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        for (var i = 0; i < 20; i++)
        {
            await peer.SendAsync(SipWire.Request("REGISTER", peer));
            await peer.ReceiveResponseAsync();
        }

        Assert.Equal(20, server.Stack.ServerTransactionCount);
        server.Clock.Advance(server.Timers.T1 * 64);

        Assert.Equal(0, server.Stack.ServerTransactionCount);
    }

    [Fact]
    public async Task DeadlinesDueWithinT1OfTheLastFiringWaitForTheNextFiringInsteadOfATimerEach()
    {
        var handler = new RecordingHandler(200);
        await using var server = await LoopbackSipStack.StartAsync("REGISTER", handler);
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        var apart = TimeSpan.FromMilliseconds(10);
        await peer.SendAsync(SipWire.Request("REGISTER", peer));
        await peer.ReceiveResponseAsync();
        server.Clock.Advance(apart);
        await peer.SendAsync(SipWire.Request("REGISTER", peer));
        await peer.ReceiveResponseAsync();

        server.Clock.Advance((server.Timers.T1 * 64) - apart);
        Assert.Equal(1, server.Stack.ServerTransactionCount);
        server.Clock.Advance(apart);
        Assert.Equal(1, server.Stack.ServerTransactionCount);
        server.Clock.Advance(server.Timers.T1 - apart);

        Assert.Equal(0, server.Stack.ServerTransactionCount);
    }

    [Fact]
    public async Task Rfc2543RequestWithoutBranchIsMatchedByTheOldRulesAndItsAckAbsorbed()
    {
        await using var server = await LoopbackSipStack.StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp);
        var via = $"SIP/2.0/UDP {peer.SentBy}";
        var invite = SipWire.Request("INVITE", peer, via: via, callId: "rfc2543");
        await peer.SendAsync(invite);
        var first = await peer.ReceiveRawAsync();

        await peer.SendAsync(invite);
        Assert.Equal(first, await peer.ReceiveRawAsync());
        await peer.SendAsync(SipWire.Request("ACK", peer, via: via, callId: "rfc2543"));
        await peer.AssertNothingPendingAsync();
        server.Clock.Advance(server.Timers.T1);

        await peer.AssertNothingPendingAsync();
    }
}
