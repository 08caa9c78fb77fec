using System.Net;
using ImsLab.Sip.Transactions;
using ImsLab.Sip.Transport;

namespace ImsLab.Tests.Sip.Transactions;

/// <summary>What is kept of completed non-INVITE transactions over UDP for Timer J (RFC 3261 17.2.2).</summary>
public sealed class SipCompletedTransactionTableTests
{
    private static readonly SipFlow Flow = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Loopback, 5060), new IPEndPoint(IPAddress.Loopback, 5062));

    [Fact]
    public void ARetransmissionGetsACopyOfTheResponseAndTheFlowItWentOn()
    {
        var table = new SipCompletedTransactionTable();
        var response = "SIP/2.0 200 OK\r\n\r\n"u8.ToArray();
        table.Add(Key("z9hG4bK1"), due: 10, response, Flow);

        Assert.True(table.TryGetResponse(Key("z9hG4bK1"), out var resent, out var flow));

        Assert.Equal(response, resent);
        Assert.NotSame(response, resent);
        Assert.Same(Flow, flow);
        Assert.False(table.TryGetResponse(Key("z9hG4bK2"), out _, out _));
    }

    [Fact]
    public void AResponseTooLargeForAnyDatagramIsNotKeptButItsRetransmissionsAreStillAbsorbed()
    {
        var table = new SipCompletedTransactionTable();
        table.Add(Key("z9hG4bK1"), due: 10, new byte[SipResponseArena.SlabBytes + 1], Flow);

        Assert.True(table.TryGetResponse(Key("z9hG4bK1"), out var resent, out _));
        Assert.Null(resent);
        Assert.True(table.Expire(Key("z9hG4bK1"), due: 10));
    }

    [Fact]
    public void ADeadlineThatIsNotTheEntrysOwnLeavesItInPlace()
    {
        var table = new SipCompletedTransactionTable();
        table.Add(Key("z9hG4bK1"), due: 10, "SIP/2.0 200 OK\r\n\r\n"u8, Flow);

        Assert.False(table.Expire(Key("z9hG4bK1"), due: 5));
        Assert.True(table.Contains(Key("z9hG4bK1")));
        Assert.True(table.Expire(Key("z9hG4bK1"), due: 10));
        Assert.False(table.Contains(Key("z9hG4bK1")));
    }

    [Fact]
    public void WhenTheLastEntryEndsTheRoomAndTheSlabsOfALoadRunAreGivenBack()
    {
        var table = new SipCompletedTransactionTable();
        var response = new byte[1000];
        for (var i = 0; i < 2000; i++)
        {
            table.Add(Key("z9hG4bK" + i), due: i, response, Flow);
        }

        var loaded = (table.Capacity, table.SlabCount);
        for (var i = 0; i < 2000; i++)
        {
            table.Expire(Key("z9hG4bK" + i), due: i);
        }

        Assert.True(loaded.Capacity >= 2000 && loaded.SlabCount >= 7, $"loaded: {loaded}");
        Assert.Equal(0, table.Count);
        Assert.True(table.Capacity < 10, $"capacity {table.Capacity}");
        Assert.Equal(3, table.SlabCount);
    }

    private static SipTransactionKey Key(string branch) => new(branch, "127.0.0.1", 5062, "REGISTER");
}
