using System.Net;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transactions;
using ImsLab.Sip.Transport;

namespace ImsLab.Sip.RegEvent;

/// <summary>
/// The flow an in-dialog NOTIFY leaves by. The flow the SUBSCRIBE came in on is preferred while it can carry
/// requests: it is what reaches a watcher behind a NAT (RFC 5626 3.2, TS 24.229 5.4.2.1.2 sends over the flow). A TCP
/// flow whose connection is gone (the watcher closed it, or we restarted) is no path at all: its remote port is the
/// watcher's ephemeral source port. Then the NOTIFY goes where RFC 3261 12.2.1.1 says an in-dialog request goes, the
/// remote target (the watcher's Contact) or the first hop of the route set, over a new connection (RFC 3261 18.1.1) —
/// unless the watcher uses outbound, for which the flow is the only route (RFC 5626 5.3: a failed flow is not
/// replaced; the UE re-registers and subscribes on a new one).
/// </summary>
internal static class NotifyDestination
{
    /// <summary>The flow to send on, or null when the watcher cannot be reached (a corrupt row, a dead outbound flow).</summary>
    public static SipFlow? Choose(SipStack stack, RegEventSubscription subscription, bool usesOutbound)
    {
        var flow = BindingFlows.ToSipFlow(subscription.Flow);
        if (flow is null || stack.IsFlowOpen(flow))
        {
            return flow;
        }
        if (usesOutbound)
        {
            return null;
        }
        return TryRemoteTarget(subscription, out var transport, out var remote) ? stack.CreateFlow(transport, remote) : null;
    }

    /// <summary>
    /// RFC 5626 4.3 / 5.1: a watcher registered with outbound puts "ob" in the Contact of its SUBSCRIBE; and a binding
    /// registered over the subscription's flow with a reg-id makes that flow an outbound flow even when it did not.
    /// </summary>
    public static bool UsesOutbound(RegEventSubscription subscription, IEnumerable<RegistrationBinding> bindings)
    {
        if (SipUri.TryParse(subscription.WatcherContact, out var contact) && contact.Parameters.Contains("ob"))
        {
            return true;
        }
        foreach (var binding in bindings)
        {
            if (binding.RegId is not null && BindingFlows.SamePath(binding.Flow, subscription.Flow))
            {
                return true;
            }
        }
        return false;
    }

    // RFC 3261 12.2.1.1 and 8.1.2: with a route set the request goes to its first entry; without one, to the remote
    // target, the Contact of the SUBSCRIBE (RFC 3261 12.1.1).
    private static bool TryRemoteTarget(RegEventSubscription subscription, out SipTransportProtocol transport, out IPEndPoint remote)
    {
        transport = SipTransportProtocol.Udp;
        remote = null!;
        SipUri? next;
        if (subscription.RouteSet.Count > 0)
        {
            if (!SipNameAddress.TryParse(subscription.RouteSet[0], out var route))
            {
                return false;
            }
            next = route.Uri;
        }
        else if (!SipUri.TryParse(subscription.WatcherContact, out next))
        {
            return false;
        }
        if (!SipUriDestination.TryResolve(next, out transport, out var endPoint))
        {
            return false;
        }
        remote = endPoint;
        return true;
    }
}
