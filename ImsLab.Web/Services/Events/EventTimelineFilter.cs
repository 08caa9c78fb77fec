using ImsLab.Sip.Monitoring;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Web.Services.Events;

/// <summary>
/// The Events page's filter as typed, turned into one query with one meaning: read from the event log for the
/// history, and applied to each live event before it joins the timeline.
/// </summary>
public sealed record EventTimelineFilter
{
    /// <summary>Only this type, or every type.</summary>
    public RegistrationEventType? Type { get; init; }

    /// <summary>
    /// An IMPU (sip:, sips:, tel:), standing for its implicit registration set, or an IMPI matched exactly;
    /// case-insensitive as the log is.
    /// </summary>
    public string? Identity { get; init; }

    /// <summary>Only events at or after this instant.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only events before this instant; a range that has ended gets no live additions.</summary>
    public DateTimeOffset? Until { get; init; }

    private static bool IsImpu(string identity) =>
        identity.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || identity.StartsWith("sips:", StringComparison.OrdinalIgnoreCase)
        || identity.StartsWith("tel:", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The event log query for the newest <paramref name="limit"/> matching events; live events join the timeline when
    /// they match it too (<see cref="RegistrationEventQuery.Matches"/>). An IMPU covers its implicit registration set.
    /// </summary>
    public async ValueTask<RegistrationEventQuery> ToQueryAsync(ImplicitSetResolver implicitSets, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(implicitSets);
        var identity = string.IsNullOrWhiteSpace(Identity) ? null : Identity.Trim();
        var impu = identity is not null && IsImpu(identity) ? identity : null;
        return new RegistrationEventQuery
        {
            Type = Type,
            Impus = impu is null ? null : await implicitSets.ImpusRegisteredWithAsync(impu, cancellationToken),
            Impi = impu is null ? identity : null,
            Since = Since,
            Until = Until,
            Limit = limit,
        };
    }
}
