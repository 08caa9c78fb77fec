using ImsLab.Sip.Subscribers;

namespace ImsLab.Api.Events;

/// <summary>
/// A registration or audit event as every live and stored channel shows it: GET /api/events, the SSE stream and the
/// SignalR hub all send exactly this shape, so a script can switch between them. SIP traces are left out (they are
/// large and belong to the registration detail).
/// </summary>
/// <param name="Id">Event id (time-ordered).</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Type">What happened, by name (Registered, Refreshed, Deregistered, Expired, Challenged, ...).</param>
/// <param name="Impu">The public identity concerned, if any.</param>
/// <param name="Impi">The private identity concerned, if any.</param>
/// <param name="Contact">The contact concerned, if any.</param>
/// <param name="Flow">The flow the request came on, "192.0.2.1:5060/UDP".</param>
/// <param name="Reason">Why, in words (the SIP answer, the Warning text, the operator's reason).</param>
/// <param name="Actor">Who caused it: "ue", "network", or the user or API key name.</param>
public sealed record EventResponse(
    Guid Id,
    DateTimeOffset OccurredAt,
    string Type,
    string? Impu,
    string? Impi,
    string? Contact,
    string? Flow,
    string? Reason,
    string? Actor)
{
    /// <summary>The response shape of <paramref name="registrationEvent"/>.</summary>
    public static EventResponse From(RegistrationEvent registrationEvent)
    {
        ArgumentNullException.ThrowIfNull(registrationEvent);
        return new EventResponse(registrationEvent.Id, registrationEvent.OccurredAt, registrationEvent.Type.ToString(),
            registrationEvent.Impu, registrationEvent.Impi, registrationEvent.Contact, registrationEvent.Flow,
            registrationEvent.Reason, registrationEvent.Actor);
    }
}
