using System.Net;
using ImsLab.Sip.Messages;

namespace ImsLab.Sip.Transport;

/// <summary>Where a response goes, from the top Via of its request and the flow the request came on.</summary>
internal static class SipResponseRouting
{
    /// <summary>
    /// RFC 3261 18.2.2 and RFC 3581 4. Reliable transport: the connection the request came on (the returned flow keeps
    /// its id); if it has closed, a new connection to received (or sent-by host) and the sent-by port. Unreliable:
    /// maddr if present, else received:rport when rport was requested, else received:sent-by port (default 5060).
    /// Null when the Via names no address we can use without DNS.
    /// </summary>
    public static SipFlow? Resolve(SipVia via, SipFlow requestFlow)
    {
        var sentByPort = via.Port ?? SipListenerOptions.DefaultPort;
        if (requestFlow.IsReliable)
        {
            var reconnectTo = TryEndpoint(via.Received ?? via.Host, sentByPort) ?? requestFlow.Remote;
            return Towards(requestFlow, reconnectTo);
        }

        IPEndPoint? target;
        if (via.Maddr is { } maddr)
        {
            target = TryEndpoint(maddr, sentByPort);
        }
        else if (via.Rport is { } rport)
        {
            target = via.Received is null ? new IPEndPoint(requestFlow.Remote.Address, rport) : TryEndpoint(via.Received, rport);
        }
        else
        {
            target = TryEndpoint(via.Received ?? via.Host, sentByPort);
        }

        return target is null ? null : Towards(requestFlow, target);
    }

    // Usually the response goes back where the request came from: the request's flow then serves, and a server
    // transaction does not keep a second copy of it alive for Timer J.
    private static SipFlow Towards(SipFlow requestFlow, IPEndPoint target) =>
        target.Equals(requestFlow.Remote) ? requestFlow : requestFlow with { Remote = target };

    private static IPEndPoint? TryEndpoint(string host, int port) =>
        SipViaStamper.TryParseHostAddress(host, out var address) ? new IPEndPoint(SipViaStamper.Normalize(address), port) : null;
}
