using System.Diagnostics.CodeAnalysis;
using System.Net;
using ImsLab.Sip.Messages;

namespace ImsLab.Sip.Transport;

/// <summary>
/// Where a request to a SIP URI goes (RFC 3263 4.1, 4.2), as far as a lab needs it: an IP literal host, the transport
/// from the transport parameter, and the explicit port or the default 5060. Host names would need DNS (NAPTR, SRV,
/// A/AAAA) and are not resolved.
/// </summary>
internal static class SipUriDestination
{
    private const int DefaultPort = 5060;

    public static bool TryResolve(SipUri uri, out SipTransportProtocol transport, [NotNullWhen(true)] out IPEndPoint? endPoint)
    {
        transport = SipTransportProtocol.Udp;
        endPoint = null;
        // sips: needs TLS (RFC 3261 19.1.2), which this stack does not speak.
        if (uri.Scheme != "sip" || !IPAddress.TryParse(uri.HostWithoutBrackets, out var address))
        {
            return false;
        }

        // RFC 3263 4.1: the transport parameter decides; without one, a numeric host means UDP.
        switch (uri.Parameters.Get("transport")?.ToLowerInvariant())
        {
            case null or "udp":
                transport = SipTransportProtocol.Udp;
                break;
            case "tcp":
                transport = SipTransportProtocol.Tcp;
                break;
            default:
                return false;
        }

        // RFC 3263 4.2: a numeric host without a port is reached on the transport's default port.
        endPoint = new IPEndPoint(address, uri.Port ?? DefaultPort);
        return true;
    }
}
