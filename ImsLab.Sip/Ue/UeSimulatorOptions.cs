using System.Net;
using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Transport;

namespace ImsLab.Sip.Ue;

/// <summary>How a simulated UE registers: identities, network address, credentials and the REGISTER's contents.</summary>
public sealed record UeSimulatorOptions
{
    /// <summary>The private user identity (IMPI), the digest username (TS 24.229 5.1.1.2.1).</summary>
    public required string Impi { get; init; }

    /// <summary>The public user identity (IMPU) registered, e.g. sip:001010123456789@ims.mnc001.mcc001.3gppnetwork.org.</summary>
    public required string Impu { get; init; }

    /// <summary>The home network domain: the REGISTER's Request-URI is sip:&lt;domain&gt;.</summary>
    public required string Domain { get; init; }

    /// <summary>The realm put in the initial Authorization header; the home domain when null.</summary>
    public string? Realm { get; init; }

    /// <summary>Where REGISTER and SUBSCRIBE go (the P-CSCF, or ImsLab's S-CSCF directly).</summary>
    public required IPEndPoint Registrar { get; init; }

    /// <summary>UDP or TCP.</summary>
    public SipTransportProtocol Transport { get; init; } = SipTransportProtocol.Udp;

    /// <summary>The local address and port to bind; port 0 picks a free port. Defaults to the loopback address on port 0.</summary>
    public IPEndPoint LocalEndPoint { get; init; } = new(IPAddress.Loopback, 0);

    /// <summary>AKA (K with OP or OPc, AMF, SQN_MS) or a password.</summary>
    public required UeCredentials Credentials { get; init; }

    /// <summary>
    /// The digest algorithms this UE accepts, most preferred first. When a 401 offers several challenges, the UE
    /// answers the first one in this order; a 401 offering none of them fails the registration.
    /// </summary>
    public IReadOnlyList<DigestAlgorithm> AlgorithmPreference { get; init; } =
        [DigestAlgorithm.AkaV2Md5, DigestAlgorithm.AkaV1Md5, DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    /// <summary>The registration expiry asked for (TS 24.229 5.1.1.2.1: 600000 seconds).</summary>
    public int Expires { get; init; } = 600_000;

    /// <summary>The +sip.instance value without quotes or angle brackets (RFC 5626 4.1, e.g. urn:gsma:imei:35425006-000655-0).</summary>
    public string? InstanceId { get; init; }

    /// <summary>The reg-id Contact parameter (RFC 5626), or null to leave it out.</summary>
    public int? RegId { get; init; }

    /// <summary>Feature tags on the Contact.</summary>
    public UeFeatureTag FeatureTags { get; init; } = UeFeatureTag.Mmtel | UeFeatureTag.SmsIp;

    /// <summary>Whether to subscribe to the reg event package after registering (TS 24.229 5.1.1.3).</summary>
    public bool SubscribeToRegEvent { get; init; } = true;

    /// <summary>The reg-event subscription expiry asked for (TS 24.229 5.1.1.3: 600000 seconds).</summary>
    public int SubscriptionExpires { get; init; } = 600_000;

    /// <summary>The P-Access-Network-Info value (RFC 7315), or null to leave the header out.</summary>
    public string? AccessNetworkInfo { get; init; } = "3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=0010100010000001";

    /// <summary>The User-Agent value.</summary>
    public string UserAgent { get; init; } = "ImsLab-UeSim/1.0";

    /// <summary>
    /// A Security-Client value (RFC 3329) to send, or null (the default) to send none: the simulator does not set
    /// up IPsec, so it only advertises a mechanism when a lab engineer asks for it explicitly.
    /// </summary>
    public string? SecurityClient { get; init; }

    /// <summary>How many 401 challenges in a row the UE answers before it gives up.</summary>
    public int MaxConsecutiveChallenges { get; init; } = 4;

    internal string EffectiveRealm => Realm ?? Domain;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Impi);
        ArgumentException.ThrowIfNullOrWhiteSpace(Impu);
        ArgumentException.ThrowIfNullOrWhiteSpace(Domain);
        ArgumentNullException.ThrowIfNull(Registrar);
        ArgumentNullException.ThrowIfNull(Credentials);
        ArgumentNullException.ThrowIfNull(LocalEndPoint);
        if (AlgorithmPreference.Count == 0) throw new ArgumentException("At least one digest algorithm must be accepted.", nameof(AlgorithmPreference));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Expires);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SubscriptionExpires);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxConsecutiveChallenges);
    }
}
