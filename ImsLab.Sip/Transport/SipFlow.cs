using System.Net;

namespace ImsLab.Sip.Transport;

/// <summary>
/// The path a message arrived on or leaves by: transport, our local endpoint, the peer's endpoint as seen on the wire
/// and, for TCP, the connection. Sending back through the same flow is what lets a server reach a UE behind a NAT
/// (RFC 5626 3.2).
/// </summary>
/// <param name="Transport">UDP or TCP.</param>
/// <param name="Local">Our endpoint (the listening UDP socket, or the local side of the TCP connection).</param>
/// <param name="Remote">The peer's source address and port.</param>
/// <param name="ConnectionId">The TCP connection that carried the message; 0 for UDP or when no connection is known.</param>
public sealed record SipFlow(SipTransportProtocol Transport, IPEndPoint Local, IPEndPoint Remote, long ConnectionId = 0)
{
    /// <summary>True for a transport that retransmits itself, so transaction timers that only cover loss are zero.</summary>
    public bool IsReliable => Transport != SipTransportProtocol.Udp;

    /// <summary>As a stored binding's flow reads ("UDP peer -> us"), so that events, logs and the dashboard agree.</summary>
    public override string ToString()
    {
        var text = $"{(Transport == SipTransportProtocol.Udp ? "UDP" : "TCP")} {Remote} -> {Local}";
        return ConnectionId == 0 ? text : $"{text} (connection {ConnectionId})";
    }
}
