namespace ImsLab.Sip.Authentication.Digest;

/// <summary>Wire values of <see cref="IntegrityProtection"/>.</summary>
public static class IntegrityProtectionNames
{
    /// <summary>The text written in the parameter.</summary>
    public static string ToWireName(this IntegrityProtection value) => value switch
    {
        IntegrityProtection.No => "no",
        IntegrityProtection.Yes => "yes",
        IntegrityProtection.TlsYes => "tls-yes",
        IntegrityProtection.TlsPending => "tls-pending",
        IntegrityProtection.IpAssocYes => "ip-assoc-yes",
        IntegrityProtection.IpAssocPending => "ip-assoc-pending",
        IntegrityProtection.AuthDone => "auth-done",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    /// <summary>Reads the parameter value, case-insensitively; anything else is <see cref="IntegrityProtection.Unknown"/>.</summary>
    public static IntegrityProtection Parse(ReadOnlySpan<char> text) =>
        WireNames.TryParse<IntegrityProtection>(text, static v => v == IntegrityProtection.Unknown ? "" : v.ToWireName(), out var value) && text.Length > 0
            ? value
            : IntegrityProtection.Unknown;
}
