using System.Net;

namespace ImsLab.Sip.Transport;

/// <summary>One socket to listen on.</summary>
public sealed class SipListenerOptions
{
    /// <summary>The well-known SIP port (RFC 3261 19.1.2).</summary>
    public const int DefaultPort = 5060;

    /// <summary>UDP or TCP.</summary>
    public SipTransportProtocol Protocol { get; set; } = SipTransportProtocol.Udp;

    /// <summary>The address to bind: an IPv4 or IPv6 literal, including the wildcards 0.0.0.0 and ::.</summary>
    public IPAddress Address { get; set; } = IPAddress.Any;

    /// <summary>The port to bind; 0 lets the system choose one (see <c>SipStack.BoundEndpoints</c>).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>
    /// The host written into the sent-by of Via header fields we add (RFC 3261 18.1.1) for requests leaving through
    /// this listener. Needed when <see cref="Address"/> is a wildcard; defaults to the bound address otherwise.
    /// </summary>
    public string? AdvertisedHost { get; set; }

    /// <summary>
    /// UDP only: the socket's receive buffer (SO_RCVBUF). The kernel's default (about 200 KB) holds some 30 ms of
    /// REGISTERs at 4,000/s, so one garbage collection or busy core drops datagrams and the UEs retransmit 500 ms later;
    /// Linux caps the value at net.core.rmem_max.
    /// </summary>
    public int ReceiveBufferBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>UDP only: receives outstanding on the socket at once; 0 means one per processor.</summary>
    public int ReceiveLoops { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Protocol} {new IPEndPoint(Address, Port)}";
}
