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

    /// <summary>How long to wait for an outbound TCP connection to be established.</summary>
    public TimeSpan TcpConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
