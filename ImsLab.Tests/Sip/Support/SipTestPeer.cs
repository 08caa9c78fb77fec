using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Parsing;
using ImsLab.Sip.Transport;

namespace ImsLab.Tests.Sip.Support;

/// <summary>
/// The other end of the wire in transport tests: sends raw bytes from a real loopback socket and reads raw bytes back,
/// parsing what it reads with the product parser only to make assertions readable.
/// </summary>
internal abstract class SipTestPeer : IAsyncDisposable
{
    /// <summary>How long a test waits for something that must arrive; only reached when the test is failing.</summary>
    public static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(10);

    public abstract IPEndPoint LocalEndPoint { get; }

    public abstract SipTransportProtocol Protocol { get; }

    /// <summary>The Via transport token for requests from this peer.</summary>
    public string ViaTransport => Protocol == SipTransportProtocol.Udp ? "UDP" : "TCP";

    /// <summary>"host:port" of this peer as a Via sent-by (IPv6 in brackets).</summary>
    public string SentBy => LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6
        ? $"[{LocalEndPoint.Address}]:{LocalEndPoint.Port}"
        : $"{LocalEndPoint.Address}:{LocalEndPoint.Port}";

    public static async Task<SipTestPeer> ConnectAsync(SipTransportProtocol protocol, IPEndPoint server) =>
        protocol == SipTransportProtocol.Udp ? UdpTestPeer.Create(server) : await TcpTestPeer.ConnectAsync(server);

    public abstract Task SendAsync(ReadOnlyMemory<byte> bytes);

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>The next whole message (datagram, or frame cut from the stream), raw.</summary>
    public abstract Task<byte[]> ReceiveRawAsync();

    public async Task<SipResponse> ReceiveResponseAsync()
    {
        var raw = await ReceiveRawAsync();
        var result = SipMessageParser.Parse(raw, SipParserLimits.Default);
        Assert.True(result.Success, $"The stack sent something that does not parse: {result}\n{Encoding.UTF8.GetString(raw)}");
        return Assert.IsType<SipResponse>(result.Message);
    }

    /// <summary>
    /// The status code of the next response, read from its status line alone: a response to a malformed request copies
    /// the malformed From/To/CSeq (RFC 3261 8.2.6.2), so it need not parse itself.
    /// </summary>
    public async Task<int> ReceiveStatusAsync() => StatusOf(await ReceiveRawAsync());

    public static int StatusOf(byte[] response)
    {
        var statusLine = Encoding.UTF8.GetString(response).Split("\r\n")[0];
        Assert.StartsWith("SIP/2.0 ", statusLine);
        return int.Parse(statusLine.AsSpan(8, 3), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<SipRequest> ReceiveRequestAsync()
    {
        var raw = await ReceiveRawAsync();
        var result = SipMessageParser.Parse(raw, SipParserLimits.Default);
        Assert.True(result.Success, $"The stack sent something that does not parse: {result}");
        return Assert.IsType<SipRequest>(result.Message);
    }

    /// <summary>
    /// Proves nothing else is on its way: sends an OPTIONS, which the stack answers inline on its receive path, and
    /// checks that the very next message is that answer (responses to anything sent earlier would come before it).
    /// </summary>
    public async Task AssertNothingPendingAsync()
    {
        var probeCallId = "probe-" + Guid.NewGuid().ToString("N");
        await SendAsync(SipWire.Request("OPTIONS", this, callId: probeCallId));
        var next = await ReceiveResponseAsync();
        Assert.Equal(probeCallId, next.CallId);
    }

    public abstract ValueTask DisposeAsync();
}
