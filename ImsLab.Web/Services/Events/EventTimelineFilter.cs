using ImsLab.Sip.Subscribers;

namespace ImsLab.Web.Services.Events;

/// <summary>
/// The Events page's filter, applied twice with one meaning: as an event log query for the history, and to each
/// live event before it joins the timeline.
/// </summary>
public sealed record EventTimelineFilter
{
    /// <summary>Only this type, or every type.</summary>
    public RegistrationEventType? Type { get; init; }

    /// <summary>An IMPU (sip:, sips:, tel:) or an IMPI, matched exactly and case-insensitively as the log does.</summary>
    public string? Identity { get; init; }

    /// <summary>Only events at or after this instant.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only events before this instant; a range that has ended gets no live additions.</summary>
    public DateTimeOffset? Until { get; init; }

    private string? TrimmedIdentity => string.IsNullOrWhiteSpace(Identity) ? null : Identity.Trim();

    private bool IdentityIsImpu => TrimmedIdentity is { } identity
        && (identity.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || identity.StartsWith("sips:", StringComparison.OrdinalIgnoreCase)
            || identity.StartsWith("tel:", StringComparison.OrdinalIgnoreCase));

    /// <summary>The event log query for the newest <paramref name="limit"/> matching events.</summary>
    public RegistrationEventQuery ToQuery(int limit) => new()
    {
        Type = Type,
        Impu = IdentityIsImpu ? TrimmedIdentity : null,
        Impi = IdentityIsImpu ? null : TrimmedIdentity,
        Since = Since,
        Until = Until,
        Limit = limit,
    };

    /// <summary>Whether a live event belongs in the timeline this filter shows.</summary>
    public bool Matches(RegistrationEvent e)
    {
        if (Type is { } type && e.Type != type) return false;
        if (Since is { } since && e.OccurredAt < since) return false;
        if (Until is { } until && e.OccurredAt >= until) return false;
        if (TrimmedIdentity is not { } identity) return true;
        return string.Equals(IdentityIsImpu ? e.Impu : e.Impi, identity, StringComparison.OrdinalIgnoreCase);
    }
}
