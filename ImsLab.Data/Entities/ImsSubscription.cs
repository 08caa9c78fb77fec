namespace ImsLab.Data.Entities;

/// <summary>TS 23.008 3.5 / TS 29.228 6.6: an IMS subscription groups the private and public identities of one subscriber.</summary>
internal sealed class ImsSubscription
{
    public Guid Id { get; set; }
    public required string Name { get; set; }

    /// <summary>JSON array of allowed P-Visited-Network-ID values, or null for any network.</summary>
    public string? AllowedVisitedNetworksJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public List<PrivateIdentity> PrivateIdentities { get; set; } = [];
    public List<PublicIdentity> PublicIdentities { get; set; } = [];
}
