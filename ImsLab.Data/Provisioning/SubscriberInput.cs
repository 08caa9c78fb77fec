using System.Text;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Data.Provisioning;

/// <summary>
/// A subscriber (one IMPI with its IMPUs) as created or replaced (PUT). Secrets are write-only: on replace, a
/// null K/OP/OPc/password keeps the stored value. ToString never shows them.
/// </summary>
public sealed record SubscriberInput
{
    /// <summary>The IMPI (NAI, or a bare username for plain digest users); stored lowercase.</summary>
    public required string Impi { get; init; }

    /// <summary>The IMS subscription to create or join (IMPIs of one subscription may share IMPUs); default: the IMPI.</summary>
    public string? Subscription { get; init; }

    /// <summary>Allowed schemes; AKA schemes need K and OP or OPc, MD5/SHA-256 need a password or HA1.</summary>
    public AuthScheme AllowedSchemes { get; init; }

    /// <summary>K, 32 hex digits.</summary>
    public string? K { get; init; }

    /// <summary>OP, 32 hex digits (OPc is derived at load time); exclusive with <see cref="Opc"/>.</summary>
    public string? Op { get; init; }

    /// <summary>OPc, 32 hex digits; exclusive with <see cref="Op"/>.</summary>
    public string? Opc { get; init; }

    /// <summary>AMF, 4 hex digits; default 8000 (TS 33.102 H.2 separation bit set).</summary>
    public string? Amf { get; init; }

    /// <summary>Current SQN, 12 hex digits (the next challenge uses a higher one); default 000000000000 on create.</summary>
    public string? Sqn { get; init; }

    /// <summary>Digest password; only its HA1 values are stored. Exclusive with the HA1 fields.</summary>
    public string? Password { get; init; }

    /// <summary>HA1 for MD5, 32 hex digits, when provisioning HA1 instead of a password.</summary>
    public string? Ha1Md5 { get; init; }

    /// <summary>HA1 for SHA-256, 64 hex digits, when provisioning HA1 instead of a password.</summary>
    public string? Ha1Sha256 { get; init; }

    /// <summary>Digest realm of the HA1 values; default: the IMPI's domain, or the configured realm.</summary>
    public string? DigestRealm { get; init; }

    /// <summary>IMSI, 5 to 15 digits.</summary>
    public string? Imsi { get; init; }

    /// <summary>MSISDN, 1 to 15 digits.</summary>
    public string? Msisdn { get; init; }

    /// <summary>Disabled IMPIs cannot register.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The IMPUs of this IMPI (at least one).</summary>
    public IReadOnlyList<PublicIdentityInput> PublicIdentities { get; init; } = [];

    /// <summary>Allowed P-Visited-Network-ID values for the subscription, or null for any network.</summary>
    public IReadOnlyList<string>? AllowedVisitedNetworks { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Impi = {Impi}, Subscription = {Subscription}, AllowedSchemes = {AllowedSchemes}, K = {Mask(K)}, Op = {Mask(Op)}, ")
            .Append($"Opc = {Mask(Opc)}, Amf = {Amf}, Sqn = {Sqn}, Password = {Mask(Password)}, Ha1Md5 = {Mask(Ha1Md5)}, ")
            .Append($"Ha1Sha256 = {Mask(Ha1Sha256)}, DigestRealm = {DigestRealm}, Imsi = {Imsi}, Msisdn = {Msisdn}, Enabled = {Enabled}, ")
            .Append($"PublicIdentities = [{string.Join(", ", PublicIdentities.Select(p => p.Uri))}]");
        return true;
    }

    private static string Mask(string? secret) => secret is null ? "null" : "***";
}
