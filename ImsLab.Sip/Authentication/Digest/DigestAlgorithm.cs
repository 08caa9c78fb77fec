namespace ImsLab.Sip.Authentication.Digest;

/// <summary>Digest algorithms ImsLab speaks; wire names in <see cref="DigestAlgorithms"/>.</summary>
public enum DigestAlgorithm
{
    /// <summary>"MD5" (RFC 2617, RFC 7616).</summary>
    Md5,
    /// <summary>"MD5-sess" (RFC 2617 3.2.2.2).</summary>
    Md5Sess,
    /// <summary>"SHA-256" (RFC 7616, RFC 8760 for SIP).</summary>
    Sha256,
    /// <summary>"SHA-256-sess" (RFC 7616 3.4.2).</summary>
    Sha256Sess,
    /// <summary>"AKAv1-MD5": password = RES (RFC 3310).</summary>
    AkaV1Md5,
    /// <summary>"AKAv2-MD5": password derived from RES, IK and CK (RFC 4169).</summary>
    AkaV2Md5,
}
