using ImsLab.Api.Auth;
using ImsLab.Sip.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ImsLab.Api.Live;

/// <summary>
/// Live registration events at /hubs/registrations. A client subscribes to every event, to IMPUs or IMPIs, and to
/// the counters; the <see cref="RegistrationEventsBroadcaster"/> and <see cref="RegistrationCountersBroadcaster"/>
/// send what each connection asked for (<see cref="LiveConnection"/> says why per connection, and
/// <see cref="LiveHubLifetimeManager"/> opens and closes them). Viewers and admins only: events name subscribers
/// (cookie or API key; the negotiate request and the WebSocket upgrade both carry the credentials, and a refused one
/// gets 401).
/// </summary>
[Authorize(Policy = ImsLabPolicies.Viewer)]
internal sealed class RegistrationsHub(LiveConnections connections, RegistrationStatistics statistics, ImplicitSetResolver implicitSets) : Hub
{
    /// <summary>Bounds the IMPUs (each of a watched implicit set counts) and IMPIs one connection can watch.</summary>
    public const int MaxIdentitiesPerConnection = 64;

    /// <summary>Longer identities than this are not IMPUs or IMPIs of any provisioned subscriber.</summary>
    public const int MaxIdentityLength = 512;

    /// <summary>Every event from now on.</summary>
    public void SubscribeAll() => Update(s => s with { All = true });

    /// <summary>
    /// Events of one public identity as provisioned (for example sip:alice@ims.example.org) and of every IMPU of its
    /// implicit registration set, as the HSS holds it when subscribing.
    /// </summary>
    public async Task SubscribeImpu(string impu)
    {
        var identity = Identity(impu, "IMPU");
        // TS 23.228 4.3.3.4: an event names the IMPU the UE registered; the others of its set registered with it.
        var set = await implicitSets.ImpusRegisteredWithAsync(identity, Context.ConnectionAborted);
        Update(s =>
        {
            var added = set.Where(i => !s.Impus.Contains(i)).ToList();
            return added.Count == 0 ? s : WithRoom(s, added.Count) with { Impus = s.Impus.Union(added) };
        });
    }

    /// <summary>Events of one private identity.</summary>
    public void SubscribeImpi(string impi)
    {
        var identity = Identity(impi, "IMPI");
        Update(s => s.Impis.Contains(identity) ? s : WithRoom(s, 1) with { Impis = s.Impis.Add(identity) });
    }

    /// <summary>The counters now, then every second.</summary>
    public void SubscribeCounters()
    {
        var connection = connections.Get(Context.ConnectionId);
        connection.Subscription = connection.Subscription with { Counters = true };
        connection.Offer(LiveConnection.Message(LiveMessages.Counters, statistics.Snapshot()));
    }

    /// <summary>Ends every subscription of this connection; the connection stays open.</summary>
    public void Unsubscribe() => connections.Get(Context.ConnectionId).Subscription = LiveSubscription.None;

    // SignalR runs one invocation of a connection at a time (HubOptions.MaximumParallelInvocationsPerClient = 1), so
    // read-modify-write of the connection's subscription cannot race with itself.
    private void Update(Func<LiveSubscription, LiveSubscription> change)
    {
        var connection = connections.Get(Context.ConnectionId);
        connection.Subscription = change(connection.Subscription);
    }

    private static LiveSubscription WithRoom(LiveSubscription subscription, int more) =>
        subscription.IdentityCount + more <= MaxIdentitiesPerConnection
            ? subscription
            : throw new HubException($"A connection watches at most {MaxIdentitiesPerConnection} IMPUs and IMPIs; call Unsubscribe first.");

    // HubException messages reach the client as they are; other exceptions would arrive as a generic error.
    private static string Identity(string? value, string what)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new HubException($"The {what} is empty.");
        }
        if (trimmed.Length > MaxIdentityLength)
        {
            throw new HubException($"The {what} is longer than {MaxIdentityLength} characters.");
        }
        return trimmed;
    }
}
