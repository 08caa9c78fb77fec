using ImsLab.Sip.Parsing;

namespace ImsLab.Sip.Transport;

/// <summary>Where to listen and the limits that protect the server from its peers.</summary>
public sealed class SipTransportOptions
{
    /// <summary>The sockets to open; several at once, UDP and TCP, IPv4 and IPv6.</summary>
    public IList<SipListenerOptions> Listeners { get; } = [];

    /// <summary>Size limits applied to every received message.</summary>
    public SipParserLimits ParserLimits { get; set; } = SipParserLimits.Default;

    /// <summary>Most TCP connections open at once, inbound and outbound; further accepted connections are closed at once.</summary>
    public int MaxTcpConnections { get; set; } = 10_000;

    /// <summary>A TCP connection that carries nothing (not even a keep-alive, RFC 5626 4.4.1) for this long is closed.</summary>
    public TimeSpan TcpIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Most unframed octets buffered for one TCP connection; a peer that sends more without completing a message is cut off.</summary>
    public int MaxTcpConnectionBufferBytes { get; set; } = 128 * 1024;

    /// <summary>
    /// Answer every request as if its top Via carried an empty rport (RFC 3581): responses go back to the source address
    /// and port even from clients that do not ask for it, which is what reaches a UE behind a NAT. Off by default
    /// (RFC 3261 18.2.2 routing by sent-by port).
    /// </summary>
    public bool ForceRport { get; set; }

    /// <summary>How long to wait for an outbound TCP connection to be established.</summary>
    public TimeSpan TcpConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
