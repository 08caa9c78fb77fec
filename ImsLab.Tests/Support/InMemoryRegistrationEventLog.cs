using System.Collections.Concurrent;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Tests.Support;

/// <summary>The event log port held in memory, filtered like the database one (newest first).</summary>
internal sealed class InMemoryRegistrationEventLog : IRegistrationEventLog
{
    private readonly ConcurrentDictionary<Guid, RegistrationEvent> _events = new();

    public int Count => _events.Count;

    public ValueTask AppendAsync(IReadOnlyList<RegistrationEvent> events, CancellationToken cancellationToken)
    {
        foreach (var registrationEvent in events)
        {
            _events.TryAdd(registrationEvent.Id, registrationEvent);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<RegistrationEvent>> QueryAsync(RegistrationEventQuery query, CancellationToken cancellationToken)
    {
        IReadOnlyList<RegistrationEvent> result = _events.Values
            .Where(query.Matches)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(Math.Min(query.Limit, RegistrationEventQuery.MaxLimit))
            .Select(e => query.IncludeSipTrace ? e : e with { SipTrace = null })
            .ToList();
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var old = _events.Values.Where(e => e.OccurredAt < olderThan).ToList();
        foreach (var registrationEvent in old)
        {
            _events.TryRemove(registrationEvent.Id, out _);
        }
        return ValueTask.FromResult(old.Count);
    }
}
