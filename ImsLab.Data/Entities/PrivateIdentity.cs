using ImsLab.Sip.Subscribers;

namespace ImsLab.Data.Entities;

/// <summary>
/// An IMPI (TS 23.003 13.3) with its credentials. Every secret column holds AES-GCM ciphertext
/// (<see cref="Secrets.SecretCipher"/>), never the key; exactly one of OP and OPc is set when AKA is provisioned.
/// </summary>
internal sealed class PrivateIdentity
{
    public Guid Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public ImsSubscription Subscription { get; set; } = null!;

    /// <summary>Lowercase NAI; unique.</summary>
    public required string Impi { get; set; }

    public AuthScheme AllowedSchemes { get; set; }
    public byte[]? KCiphertext { get; set; }
    public byte[]? OpCiphertext { get; set; }
    public byte[]? OpcCiphertext { get; set; }
    public byte[]? Amf { get; set; }

    /// <summary>TS 33.102 C.1.1: the last SEQ issued (SQN = SEQ || IND); bumped atomically by the sequence store.</summary>
    public long Seq { get; set; }

    public string? DigestRealm { get; set; }
    public byte[]? Ha1Md5Ciphertext { get; set; }
    public byte[]? Ha1Sha256Ciphertext { get; set; }

    public string? Imsi { get; set; }
    public string? Msisdn { get; set; }
    public bool Enabled { get; set; }

    /// <summary>Grows on every provisioning change (not on SEQ use); becomes SubscriberProfile.Version.</summary>
    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<PublicIdentityLink> Links { get; set; } = [];
}
