namespace ImsLab.Sip.Subscribers;

/// <summary>
/// The authentication schemes a private identity may use (TS 29.228 6.3.8 SIP-Authentication-Scheme, RFC 3310,
/// RFC 4169, RFC 7616). A set: an IMPI may allow several.
/// </summary>
[Flags]
public enum AuthScheme
{
    /// <summary>No scheme allowed: the IMPI cannot authenticate.</summary>
    None = 0,
    /// <summary>Digest AKAv1-MD5 (RFC 3310): needs K and OP/OPc.</summary>
    AkaV1Md5 = 1,
    /// <summary>Digest AKAv2-MD5 (RFC 4169): needs K and OP/OPc.</summary>
    AkaV2Md5 = 2,
    /// <summary>Plain digest with MD5 (RFC 2617): needs a password (stored as HA1).</summary>
    Md5 = 4,
    /// <summary>Plain digest with SHA-256 (RFC 7616): needs a password (stored as HA1).</summary>
    Sha256 = 8,
}
