namespace ImsLab.Sip.Registrar;

/// <summary>The result of one REGISTER as the registrar saw it (the response plus what it meant, for events and metrics).</summary>
/// <param name="Impi">The private identity, when one was identified.</param>
/// <param name="Impu">The normalized IMPU of To, when readable.</param>
/// <param name="Kind">"initial", "refresh", "deregistration", "query", or the failure reason for metrics.</param>
/// <param name="AfterResponse">What must happen once the response is on its way (the reg-event NOTIFYs: TS 24.229
/// 5.4.2.1.2 has the watcher learn of a registration after the UE got its 200 OK).</param>
internal readonly record struct RegisterOutcome(string? Impi, string? Impu, string Kind, Action? AfterResponse = null);
