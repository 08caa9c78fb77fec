namespace ImsLab.Sip.Subscribers;

/// <summary>Durable registration and audit events, written in batches, queried by time and identity, pruned by age.</summary>
public interface IRegistrationEventLog
{
    /// <summary>Inserts the events in one batch; an id already present is skipped (a retried batch is harmless).</summary>
    ValueTask AppendAsync(IReadOnlyList<RegistrationEvent> events, CancellationToken cancellationToken);

    /// <summary>The events matching <paramref name="query"/>, newest first.</summary>
    ValueTask<IReadOnlyList<RegistrationEvent>> QueryAsync(RegistrationEventQuery query, CancellationToken cancellationToken);

    /// <summary>Retention: deletes every event older than <paramref name="olderThan"/>; returns how many.</summary>
    ValueTask<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
