namespace ImsLab.Sip.Registrar;

/// <summary>Something that falls due at <paramref name="ExpiresAt"/>: a binding or a reg-event subscription, found again
/// through <paramref name="Key"/> (the IMPU it belongs to) and <paramref name="Id"/>.</summary>
internal readonly record struct ScheduledExpiry(string Key, Guid Id, DateTimeOffset ExpiresAt);
