using ImsLab.Sip.Subscribers;

namespace ImsLab.Tests.Support;

/// <summary>Reg-event subscriptions held in memory for in-process tests; end-to-end tests use the PostgreSQL store.</summary>
internal sealed class InMemoryRegEventSubscriptionStore : IRegEventSubscriptionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, RegEventSubscription> _subscriptions = [];

    public IReadOnlyCollection<RegEventSubscription> Subscriptions { get { lock (_gate) return [.. _subscriptions.Values]; } }

    public Task UpsertAsync(RegEventSubscription subscription, CancellationToken cancellationToken)
    {
        lock (_gate) _subscriptions[subscription.Id] = subscription;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(Guid subscriptionId, CancellationToken cancellationToken)
    {
        lock (_gate) _subscriptions.Remove(subscriptionId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RegEventSubscription>> LoadActiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<RegEventSubscription>>([.. _subscriptions.Values.Where(s => s.ExpiresAt > now)]);
    }
}
