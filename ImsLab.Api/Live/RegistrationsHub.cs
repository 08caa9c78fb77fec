using ImsLab.Api.Auth;
using ImsLab.Sip.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ImsLab.Api.Live;

/// <summary>
/// Live registration events at /hubs/registrations. A client subscribes to every event, to one IMPU or IMPI, and to
/// the counters; the <see cref="RegistrationEventsBroadcaster"/> and <see cref="RegistrationCountersBroadcaster"/>
/// push to the matching groups. Viewers and admins only: events name subscribers (cookie or API key; the negotiate
/// request and the WebSocket upgrade both carry the credentials, a refused one gets 401).
/// </summary>
[Authorize(Policy = ImsLabPolicies.Viewer)]
internal sealed class RegistrationsHub(RegistrationStatistics statistics) : Hub
{
    /// <summary>Bounds what one connection can make the server fan out to.</summary>
    public const int MaxSubscriptionsPerConnection = 64;

    /// <summary>Longer identities than this are not IMPUs or IMPIs of any provisioned subscriber.</summary>
    public const int MaxIdentityLength = 512;

    private const string SubscriptionsKey = "imslab.live.subscriptions";

    /// <summary>Every event from now on.</summary>
    public Task SubscribeAll() => JoinAsync(LiveGroups.All);

    /// <summary>Events of one public identity, exactly as provisioned (for example sip:alice@ims.example.org).</summary>
    public Task SubscribeImpu(string impu) => JoinAsync(LiveGroups.OfImpu(Identity(impu, "IMPU")));

    /// <summary>Events of one private identity.</summary>
    public Task SubscribeImpi(string impi) => JoinAsync(LiveGroups.OfImpi(Identity(impi, "IMPI")));

    /// <summary>The counters now, then every second.</summary>
    public async Task SubscribeCounters()
    {
        await JoinAsync(LiveGroups.Counters);
        await Clients.Caller.SendAsync(LiveMessages.Counters, statistics.Snapshot(), Context.ConnectionAborted);
    }

    /// <summary>Ends every subscription of this connection; the connection stays open.</summary>
    public async Task Unsubscribe()
    {
        var subscriptions = Subscriptions();
        foreach (var group in subscriptions)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        }
        subscriptions.Clear();
    }

    // SignalR runs one invocation of a connection at a time (HubOptions.MaximumParallelInvocationsPerClient = 1), so
    // the per-connection set needs no lock; groups are left by SignalR itself when the connection closes.
    private async Task JoinAsync(string group)
    {
        var subscriptions = Subscriptions();
        if (subscriptions.Contains(group))
        {
            return;
        }
        if (subscriptions.Count >= MaxSubscriptionsPerConnection)
        {
            throw new HubException($"A connection holds at most {MaxSubscriptionsPerConnection} subscriptions; call Unsubscribe first.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        subscriptions.Add(group);
    }

    private HashSet<string> Subscriptions()
    {
        if (Context.Items.TryGetValue(SubscriptionsKey, out var existing) && existing is HashSet<string> set)
        {
            return set;
        }
        var created = new HashSet<string>(StringComparer.Ordinal);
        Context.Items[SubscriptionsKey] = created;
        return created;
    }

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
