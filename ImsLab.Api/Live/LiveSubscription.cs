using System.Collections.Immutable;
using ImsLab.Api.Events;

namespace ImsLab.Api.Live;

/// <summary>
/// What one hub connection asked for. Immutable: the hub swaps in a new one on every (un)subscribe while the
/// broadcasters read the current one from other threads.
/// </summary>
internal sealed record LiveSubscription
{
    public static LiveSubscription None { get; } = new();

    /// <summary>Every event.</summary>
    public bool All { get; init; }

    /// <summary>The periodic counters.</summary>
    public bool Counters { get; init; }

    /// <summary>Events of these IMPUs, compared exactly (the user part of a SIP URI is case-sensitive, RFC 3261 19.1.4).</summary>
    public ImmutableHashSet<string> Impus { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Events of these IMPIs, compared exactly.</summary>
    public ImmutableHashSet<string> Impis { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    public int IdentityCount => Impus.Count + Impis.Count;

    public bool WantsEvents => All || IdentityCount > 0;

    public bool Matches(EventResponse registrationEvent) =>
        All
        || (registrationEvent.Impu is { } impu && Impus.Contains(impu))
        || (registrationEvent.Impi is { } impi && Impis.Contains(impi));

    /// <summary>The events of <paramref name="batch"/> this subscription wants, in batch order; the batch itself when it wants all.</summary>
    public IReadOnlyList<EventResponse> Select(EventResponse[] batch)
    {
        if (All)
        {
            return batch;
        }
        List<EventResponse>? selected = null;
        foreach (var registrationEvent in batch)
        {
            if (Matches(registrationEvent))
            {
                (selected ??= []).Add(registrationEvent);
            }
        }
        return selected ?? (IReadOnlyList<EventResponse>)[];
    }
}
