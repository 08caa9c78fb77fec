namespace ImsLab.Api.Registrations;

/// <summary>
/// A network-initiated deregistration (TS 24.229 5.4.1.5): of one IMPU's implicit set (and one contact of it) or of
/// everything the IMPI registered; reason "rejected" (do not come back) or "deactivated" (register again now).
/// </summary>
internal sealed record DeregisterRequest(string? Impu, string? Contact, string? Reason);
