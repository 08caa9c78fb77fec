using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Sip.Subscribers;

/// <summary>
/// Everything the S-CSCF needs about one private identity, loaded in one round trip (the Cx SAA/MAA content of
/// TS 29.228 folded into one view): scheme, credentials, the IMPUs it may use with their implicit sets and barring,
/// and the roaming policy of its subscription. Secrets are plaintext in memory only and never printed.
/// </summary>
public sealed record SubscriberProfile
{
    /// <summary>The private identity (NAI, TS 23.003 13.3), e.g. 001010000000001@ims.mnc001.mcc001.3gppnetwork.org.</summary>
    public required string Impi { get; init; }

    /// <summary>Id of the IMS subscription the IMPI belongs to.</summary>
    public required Guid SubscriptionId { get; init; }

    /// <summary>Name of the IMS subscription.</summary>
    public required string SubscriptionName { get; init; }

    /// <summary>False when provisioning disabled the IMPI: every REGISTER is refused (403).</summary>
    public required bool Enabled { get; init; }

    /// <summary>The schemes this IMPI may authenticate with.</summary>
    public required AuthScheme AllowedSchemes { get; init; }

    /// <summary>AKA secrets (K, OPc derived from OP at load time when OP was provisioned, AMF), present when an AKA scheme is allowed.</summary>
    public AkaCredentials? Aka { get; init; }

    /// <summary>Digest secrets (HA1 values), present when MD5 or SHA-256 is allowed.</summary>
    public DigestSecrets? Digest { get; init; }

    /// <summary>The IMPUs linked to this IMPI (TS 23.228 4.3.3.4: possibly shared with other IMPIs of the subscription).</summary>
    public required IReadOnlyList<PublicIdentity> PublicIdentities { get; init; }

    /// <summary>The visited networks the subscription may register from.</summary>
    public required RoamingPolicy Roaming { get; init; }

    /// <summary>IMSI (TS 23.003 2.1), when provisioned.</summary>
    public string? Imsi { get; init; }

    /// <summary>MSISDN (E.164 digits), when provisioned.</summary>
    public string? Msisdn { get; init; }

    /// <summary>Grows on every provisioning change of this IMPI or its IMPUs; lets caches tell stale copies apart.</summary>
    public required long Version { get; init; }

    /// <summary>An HTTP-style entity tag derived from <see cref="Version"/>.</summary>
    public string ETag => $"\"{Version}\"";

    /// <summary>True when <paramref name="impu"/> (normalized) is one of this IMPI's public identities.</summary>
    public bool Owns(string impu) => Find(impu) is not null;

    /// <summary>The public identity record for <paramref name="impu"/>, or null when this IMPI does not own it.</summary>
    public PublicIdentity? Find(string impu)
    {
        foreach (var identity in PublicIdentities)
        {
            if (string.Equals(identity.Uri, impu, StringComparison.OrdinalIgnoreCase)) return identity;
        }
        return null;
    }

    /// <summary>
    /// TS 23.228 4.3.3.4 / TS 24.229 5.4.1.2.2: the IMPUs registered together with <paramref name="impu"/> (its
    /// implicit registration set, the IMPU itself first), or an empty list when this IMPI does not own it.
    /// Barred IMPUs are included: the registrar decides what to show in P-Associated-URI.
    /// </summary>
    public IReadOnlyList<PublicIdentity> ImplicitRegistrationSet(string impu)
    {
        var anchor = Find(impu);
        if (anchor is null) return [];
        var set = new List<PublicIdentity>(PublicIdentities.Count) { anchor };
        foreach (var identity in PublicIdentities)
        {
            if (identity.ImplicitSetId == anchor.ImplicitSetId && !ReferenceEquals(identity, anchor)) set.Add(identity);
        }
        return set;
    }
}
