namespace ImsLab.Sip.Monitoring;

/// <summary>The registrar's live counters at one instant (the overview page, the SignalR "counters" message).</summary>
/// <param name="At">When the snapshot was taken.</param>
/// <param name="RegisteredContacts">Contacts bound right now.</param>
/// <param name="RegisteredImpus">Implicit registration sets with at least one contact right now.</param>
/// <param name="RegistrationsPerSecond">Successful registrations (new or refreshed) per second over the last few seconds.</param>
/// <param name="AuthenticationFailures">Failed registrations (403/404/400 answers) since start.</param>
/// <param name="AuthenticationFailuresByReason">The same, by the reason the registrar gave.</param>
/// <param name="RegistrationsPerMinute">The last hour, one entry a minute, oldest first.</param>
/// <param name="EventsPublished">Registration events published on the bus since start.</param>
/// <param name="EventsDropped">Events the counters missed because they fell behind (should stay 0).</param>
public sealed record RegistrationCounters(
    DateTimeOffset At,
    long RegisteredContacts,
    int RegisteredImpus,
    double RegistrationsPerSecond,
    long AuthenticationFailures,
    IReadOnlyDictionary<string, long> AuthenticationFailuresByReason,
    IReadOnlyList<MinuteCount> RegistrationsPerMinute,
    long EventsPublished,
    long EventsDropped);
