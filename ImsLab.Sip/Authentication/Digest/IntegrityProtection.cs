namespace ImsLab.Sip.Authentication.Digest;

/// <summary>The integrity-protected Authorization parameter a P-CSCF adds (TS 24.229 7.2A.2).</summary>
public enum IntegrityProtection
{
    /// <summary>A value this version does not know; the raw text is kept.</summary>
    Unknown,
    /// <summary>"no": received outside any security association (initial REGISTER).</summary>
    No,
    /// <summary>"yes": received over an IPsec security association.</summary>
    Yes,
    /// <summary>"tls-yes": received over a TLS session bound to this user.</summary>
    TlsYes,
    /// <summary>"tls-pending": received over TLS, not yet bound to the user.</summary>
    TlsPending,
    /// <summary>"ip-assoc-yes": NASS-bundled / GPRS-IMS-bundled association in place.</summary>
    IpAssocYes,
    /// <summary>"ip-assoc-pending": IP association not yet confirmed.</summary>
    IpAssocPending,
    /// <summary>"auth-done": authenticated by other means (for example trusted SIP digest at the P-CSCF).</summary>
    AuthDone,
}
