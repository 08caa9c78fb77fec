using ImsLab.Sip.Subscribers;

namespace ImsLab.Data.Provisioning;

/// <summary>A subscriber as shown by the API and dashboard: which secrets are set, never their values.</summary>
public sealed record SubscriberView
{
    /// <summary>The IMPI.</summary>
    public required string Impi { get; init; }
    /// <summary>The IMS subscription id.</summary>
    public required Guid SubscriptionId { get; init; }
    /// <summary>The IMS subscription name.</summary>
    public required string Subscription { get; init; }
    /// <summary>Whether the IMPI may register.</summary>
    public required bool Enabled { get; init; }
    /// <summary>Allowed schemes.</summary>
    public required AuthScheme AllowedSchemes { get; init; }
    /// <summary>Whether K is stored.</summary>
    public required bool KSet { get; init; }
    /// <summary>Whether OP is stored.</summary>
    public required bool OpSet { get; init; }
    /// <summary>Whether OPc is stored.</summary>
    public required bool OpcSet { get; init; }
    /// <summary>AMF in hex (not a secret), or null.</summary>
    public string? Amf { get; init; }
    /// <summary>The last SQN issued (SEQ || IND with IND 0), 12 hex digits.</summary>
    public required string Sqn { get; init; }
    /// <summary>Whether digest HA1 values are stored.</summary>
    public required bool PasswordSet { get; init; }
    /// <summary>The digest realm of the stored HA1 values.</summary>
    public string? DigestRealm { get; init; }
    /// <summary>IMSI.</summary>
    public string? Imsi { get; init; }
    /// <summary>MSISDN.</summary>
    public string? Msisdn { get; init; }
    /// <summary>The IMPUs.</summary>
    public required IReadOnlyList<PublicIdentityView> PublicIdentities { get; init; }
    /// <summary>Allowed visited networks, or null for any.</summary>
    public IReadOnlyList<string>? AllowedVisitedNetworks { get; init; }
    /// <summary>Grows on every change (ETag).</summary>
    public required long Version { get; init; }
    /// <summary>Creation time.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Last change time.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
