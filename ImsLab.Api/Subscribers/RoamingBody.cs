namespace ImsLab.Api.Subscribers;

/// <summary>Roaming policy: the P-Visited-Network-ID values allowed (RFC 7315 4.3), or null for any network.</summary>
internal sealed record RoamingBody(IReadOnlyList<string>? AllowedNetworks);
