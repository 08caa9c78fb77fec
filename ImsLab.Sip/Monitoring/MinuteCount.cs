namespace ImsLab.Sip.Monitoring;

/// <summary>Successful registrations (new or refreshed bindings) and failed ones within one minute.</summary>
public sealed record MinuteCount(DateTimeOffset Minute, long Registrations, long Failures);
