using ImsLab.Sip.Transport;
using ImsLab.Tests.Sip.Support;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Sip.Transport;

/// <summary>
/// Every RFC 4475 and RFC 5118 torture message sent byte-exact over real UDP and TCP sockets, checked against the
/// manifests' expected handling at the level of the stack. REGISTER has a stand-in handler answering 401 so that "well
/// formed" is observable; what the registrar later decides (416/400 for unksm2, bindings for escnull...) is its own test.
/// The corpus Vias name hosts and ports that are not ours, so the stack runs with ForceRport: UDP responses come back to
/// the sending socket (RFC 3581) rather than to a fixed port 5060 another process may hold. RFC 3261 18.2.2 routing by
/// sent-by itself is covered by UdpTransportTests.
/// </summary>
public sealed class TortureCorpusOverTheWireTests
{
    private const int Challenge = 401;

    /// <summary>Expected responses (status codes, in any order) over UDP and TCP, and how the TCP connection ends.</summary>
    private static readonly IReadOnlyDictionary<string, WireExpectation> Rfc4475 = new Dictionary<string, WireExpectation>
    {
        // 3.1.1 valid: never 400. INVITE and MESSAGE have no handler (405), unknown methods get 501 (RFC 3261 21.5.2).
        ["wsinv.dat"] = Both(405),
        ["intmeth.dat"] = Both(501),
        ["esc01.dat"] = Both(405),
        ["escnull.dat"] = Both(Challenge),
        ["esc02.dat"] = Both(501),
        ["lwsdisp.dat"] = Both(200),
        ["longreq.dat"] = Both(405),
        // Over UDP the trailing INVITE-looking octets are ignored (RFC 3261 18.3). On a stream they are the next message
        // (405), followed by 5 octets its Content-Length leaves over, which cannot be framed: the connection closes, and
        // the REGISTER's 401 from the thread pool may come too late to use it.
        ["dblreq.dat"] = new([Challenge], [405], TcpEnd.ClosedAfterResponses, TcpMayAlsoSee: Challenge),
        ["semiuri.dat"] = Both(200),
        ["transports.dat"] = Both(200),
        ["mpart01.dat"] = Both(405),
        ["unreason.dat"] = Dropped(),
        ["noreason.dat"] = Dropped(),

        // 3.1.2 invalid: 400 (505 for the version) where a response can be addressed, responses dropped.
        ["badinv01.dat"] = Both(400),
        // Over TCP a Content-Length beyond the data means "wait for more": the idle timeout ends it.
        ["clerr.dat"] = new([400], [], TcpEnd.ClosedByIdleTimeout),
        ["ncl.dat"] = new([400], [400], TcpEnd.ClosedAfterResponses),
        ["scalar02.dat"] = Both(400),
        ["scalarlg.dat"] = Dropped(),
        ["quotbal.dat"] = Both(400),
        ["ltgtruri.dat"] = Both(400),
        ["lwsruri.dat"] = Both(400),
        ["lwsstart.dat"] = Both(400),
        ["trws.dat"] = Both(400),
        ["escruri.dat"] = Both(400),
        // The parser ignores the bad Date (it does not matter to processing): the INVITE policy answers.
        ["baddate.dat"] = Both(405),
        ["regbadct.dat"] = Both(400),
        ["badaspec.dat"] = Both(400),
        // No empty line after the headers: a truncated datagram, an unfinished message on a stream.
        ["baddn.dat"] = new([400], [], TcpEnd.ClosedByIdleTimeout),
        ["badvers.dat"] = Both(505),
        ["mismatch01.dat"] = Both(400),
        ["mismatch02.dat"] = Both(501),
        ["bigcode.dat"] = Dropped(),

        // 3.2: the bare magic cookie falls back to RFC 2543 matching; the OPTIONS is answered.
        ["badbranch.dat"] = Both(200),

        // 3.3 application layer.
        ["insuf.dat"] = Both(400),
        ["unkscm.dat"] = Both(416),
        ["novelsc.dat"] = Both(416),
        ["unksm2.dat"] = Both(Challenge),
        ["bext01.dat"] = Both(420),
        ["invut.dat"] = Both(405),
        ["regaut01.dat"] = Both(Challenge),
        ["multi01.dat"] = Both(400),
        // Conflicting Content-Length values: a framing error, unrecoverable on a stream.
        ["mcl01.dat"] = new([400], [400], TcpEnd.ClosedAfterResponses),
        ["bcast.dat"] = Dropped(),
        ["zeromf.dat"] = Both(200),
        ["cparam01.dat"] = Both(Challenge),
        ["cparam02.dat"] = Both(Challenge),
        ["regescrt.dat"] = Both(Challenge),
        ["sdp01.dat"] = Both(405),

        // 3.4: fine as a datagram; on a stream Content-Length is mandatory (RFC 3261 18.3, 20.14).
        ["inv2543.dat"] = new([405], [400], TcpEnd.ClosedAfterResponses),
    };

    private static readonly IReadOnlyDictionary<string, WireExpectation> Rfc5118 = new Dictionary<string, WireExpectation>
    {
        ["ipv6-good.sip"] = Both(Challenge),
        ["ipv6-bad.sip"] = Both(400),
        ["port-ambiguous.sip"] = Both(Challenge),
        ["port-unambiguous.sip"] = Both(Challenge),
        ["via-received-param-with-delim.sip"] = Both(405),
        ["via-received-param-no-delim.sip"] = Both(200),
        ["ipv6-in-sdp.sip"] = Both(405),
        ["mult-ip-in-header.sip"] = Both(405),
        ["mult-ip-in-sdp.sip"] = Both(405),
        ["ipv4-mapped-ipv6.sip"] = Both(405),
        ["ipv6-bug-abnf-3-colons.sip"] = Both(200),
        ["ipv6-correct-abnf-2-colons.sip"] = Both(200),
    };

    public static TheoryData<string> Rfc4475Files => new(Rfc4475.Keys.Order(StringComparer.Ordinal));

    public static TheoryData<string> Rfc5118Files => new(Rfc5118.Keys.Order(StringComparer.Ordinal));

    public enum TcpEnd
    {
        StaysOpen,
        ClosedAfterResponses,
        ClosedByIdleTimeout,
    }

    [Fact]
    public void EveryCorpusFileHasAWireExpectation()
    {
        Assert.Equal(TortureCorpus.Rfc4475FilesOnDisk(), Rfc4475.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(TortureCorpus.Rfc5118WireFilesOnDisk(), Rfc5118.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Rfc4475Files))]
    public Task Rfc4475MessageOverUdpGetsItsExpectedHandling(string file) =>
        AssertOverUdpAsync(TortureCorpus.ReadRfc4475(file), Rfc4475[file].Udp);

    [Theory]
    [MemberData(nameof(Rfc4475Files))]
    public Task Rfc4475MessageOverTcpGetsItsExpectedHandling(string file) =>
        AssertOverTcpAsync(TortureCorpus.ReadRfc4475(file), Rfc4475[file]);

    [Theory]
    [MemberData(nameof(Rfc5118Files))]
    public Task Rfc5118MessageOverUdpGetsItsExpectedHandling(string file) =>
        AssertOverUdpAsync(TortureCorpus.ReadRfc5118Wire(file), Rfc5118[file].Udp);

    [Theory]
    [MemberData(nameof(Rfc5118Files))]
    public Task Rfc5118MessageOverTcpGetsItsExpectedHandling(string file) =>
        AssertOverTcpAsync(TortureCorpus.ReadRfc5118Wire(file), Rfc5118[file]);

    [Theory]
    [MemberData(nameof(Rfc5118Files))]
    public Task Rfc5118MessageOverUdpOnIpv6GetsItsExpectedHandling(string file) =>
        AssertOverUdpAsync(TortureCorpus.ReadRfc5118Wire(file), Rfc5118[file].Udp, ipv6: true);

    [Theory]
    [MemberData(nameof(Rfc5118Files))]
    public Task Rfc5118MessageOverTcpOnIpv6GetsItsExpectedHandling(string file) =>
        AssertOverTcpAsync(TortureCorpus.ReadRfc5118Wire(file), Rfc5118[file], ipv6: true);

    private static async Task AssertOverUdpAsync(byte[] message, int[] expected, bool ipv6 = false)
    {
        await using var server = await StartAsync();
        await using var peer = await server.PeerAsync(SipTransportProtocol.Udp, ipv6);

        await peer.SendAsync(message);

        Assert.Equal(expected.Order(), await ReceiveStatusesAsync(peer, expected.Length));
        await peer.AssertNothingPendingAsync();
    }

    private static async Task AssertOverTcpAsync(byte[] message, WireExpectation expectation, bool ipv6 = false)
    {
        await using var server = await StartAsync();
        await using var peer = (TcpTestPeer)await server.PeerAsync(SipTransportProtocol.Tcp, ipv6);
        await peer.AssertNothingPendingAsync();
        // Reading re-arms the connection's idle timer: the clock may move only once the message has been read.
        var read = expectation.End == TcpEnd.ClosedByIdleTimeout
            ? server.Clock.NextArmingAsync(server.Options.Transport.TcpIdleTimeout)
            : Task.CompletedTask;

        await peer.SendAsync(message);

        switch (expectation.End)
        {
            case TcpEnd.StaysOpen:
                Assert.Equal(expectation.Tcp.Order(), await ReceiveStatusesAsync(peer, expectation.Tcp.Length));
                await peer.AssertNothingPendingAsync();
                break;
            case TcpEnd.ClosedByIdleTimeout:
                await read.WaitAsync(SipTestPeer.ArrivalTimeout);
                server.Clock.Advance(server.Options.Transport.TcpIdleTimeout);
                Assert.Empty(await peer.ReadUntilClosedAsync());
                break;
            default:
                var statuses = (await peer.ReadMessagesUntilClosedAsync()).Select(SipTestPeer.StatusOf).ToList();
                if (expectation.TcpMayAlsoSee is { } optional)
                {
                    statuses.Remove(optional);
                }

                Assert.Equal(expectation.Tcp.Order(), statuses.Order());
                break;
        }
    }

    private static async Task<IEnumerable<int>> ReceiveStatusesAsync(SipTestPeer peer, int count)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add(await peer.ReceiveStatusAsync());
        }

        return statuses.Order();
    }

    private static async Task<LoopbackSipStack> StartAsync()
    {
        var server = await LoopbackSipStack.StartAsync(o => o.Transport.ForceRport = true);
        server.Stack.MapMethod("REGISTER", new RecordingHandler(Challenge));
        return server;
    }

    private static WireExpectation Both(int status) => new([status], [status], TcpEnd.StaysOpen);

    private static WireExpectation Dropped() => new([], [], TcpEnd.StaysOpen);

    public sealed record WireExpectation(int[] Udp, int[] Tcp, TcpEnd End, int? TcpMayAlsoSee = null);
}
