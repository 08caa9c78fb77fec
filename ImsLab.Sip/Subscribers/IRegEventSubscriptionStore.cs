namespace ImsLab.Sip.Subscribers;

/// <summary>Durable reg-event subscriptions, reloaded at start-up so watchers keep getting NOTIFYs after a restart.</summary>
public interface IRegEventSubscriptionStore
{
    /// <summary>Creates or replaces the subscription with the same id.</summary>
    Task UpsertAsync(RegEventSubscription subscription, CancellationToken cancellationToken);

    /// <summary>Removes the subscription; removing an absent one is not an error.</summary>
    Task RemoveAsync(Guid subscriptionId, CancellationToken cancellationToken);

    /// <summary>Every subscription that has not expired at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<RegEventSubscription>> LoadActiveAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
