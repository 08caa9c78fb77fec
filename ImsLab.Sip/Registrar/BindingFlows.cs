using System.Net;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;

namespace ImsLab.Sip.Registrar;

/// <summary>Converts between the transport's <see cref="SipFlow"/> and the stored <see cref="BindingFlow"/>.</summary>
internal static class BindingFlows
{
    /// <summary>The stored form of <paramref name="flow"/>; the addresses come from <paramref name="strings"/> when given.</summary>
    public static BindingFlow ToBindingFlow(SipFlow flow, BindingStringPool? strings = null)
    {
        var remote = flow.Remote.Address.ToString();
        var local = flow.Local.Address.ToString();
        return new BindingFlow(flow.Transport == SipTransportProtocol.Tcp ? "TCP" : "UDP",
            strings?.Share(remote) ?? remote, flow.Remote.Port,
            strings?.Share(local) ?? local, flow.Local.Port,
            flow.ConnectionId);
    }

    /// <summary>The flow to send on; null when the stored text is not an address (a corrupt row).</summary>
    public static SipFlow? ToSipFlow(BindingFlow flow)
    {
        if (!IPAddress.TryParse(flow.RemoteAddress, out var remote) || !IPAddress.TryParse(flow.LocalAddress, out var local))
        {
            return null;
        }
        var transport = flow.Transport.Equals("TCP", StringComparison.OrdinalIgnoreCase) ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp;
        return new SipFlow(transport, new IPEndPoint(local, flow.LocalPort), new IPEndPoint(remote, flow.RemotePort), flow.ConnectionId);
    }

    /// <summary>
    /// A flow stored by an earlier run of the process, without its connection id: that connection died with the
    /// process, and ids start again at 1, so the id would name whichever peer now holds it. Without an id a request
    /// along the flow finds a connection by the remote endpoint, or none.
    /// </summary>
    public static BindingFlow FromEarlierRun(BindingFlow flow) => flow.ConnectionId == 0 ? flow : flow with { ConnectionId = 0 };

    /// <summary>
    /// Same transport and same remote address and port: the same path from the peer, whatever the connection id (ids
    /// start again after a restart) and whichever of our addresses it reached.
    /// </summary>
    public static bool SamePath(BindingFlow a, BindingFlow b) =>
        string.Equals(a.Transport, b.Transport, StringComparison.OrdinalIgnoreCase)
        && a.RemotePort == b.RemotePort
        && IPAddress.TryParse(a.RemoteAddress, out var left)
        && IPAddress.TryParse(b.RemoteAddress, out var right)
        && Unmapped(left).Equals(Unmapped(right));

    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
