using ImsLab.Sip.Messages;

namespace ImsLab.Sip.Ue;

/// <summary>A reg-event NOTIFY the simulated UE received and answered, as raised by <see cref="UeSimulator.NotifyReceived"/>.</summary>
/// <param name="Request">The NOTIFY as received.</param>
/// <param name="SubscriptionState">The Subscription-State value (active, pending, terminated), when present.</param>
/// <param name="SubscriptionStateReason">The Subscription-State reason parameter, when present (RFC 6665 4.1.3).</param>
/// <param name="Document">The reginfo document, when the body parsed.</param>
/// <param name="ReadError">Why the body did not parse, or None.</param>
/// <param name="At">When it arrived, on the simulator's clock.</param>
public sealed record UeNotification(
    SipRequest Request,
    string? SubscriptionState,
    string? SubscriptionStateReason,
    UeReginfoDocument? Document,
    ReginfoReadError ReadError,
    DateTimeOffset At);
