namespace ImsLab.Api.Subscribers;

/// <summary>
/// The credentials of a subscriber as written: <c>{ schemes, k, op | opc, amf, sqn, password }</c> (or HA1 values
/// instead of the password, as an export with keys gives them). A class, not a record, so no ToString prints a key.
/// </summary>
internal sealed class AuthBody
{
    /// <summary>"AKAv1-MD5", "AKAv2-MD5", "MD5", "SHA-256"; when left out, AKA for K+OP/OPc and MD5+SHA-256 for a password.</summary>
    public IReadOnlyList<string>? Schemes { get; init; }

    /// <summary>K, 32 hex digits (write-only).</summary>
    public string? K { get; init; }

    /// <summary>OP, 32 hex digits (write-only); exclusive with <see cref="Opc"/>.</summary>
    public string? Op { get; init; }

    /// <summary>OPc, 32 hex digits (write-only); exclusive with <see cref="Op"/>.</summary>
    public string? Opc { get; init; }

    /// <summary>AMF, 4 hex digits; default 8000.</summary>
    public string? Amf { get; init; }

    /// <summary>
    /// SQN, 12 hex digits: the last one issued; the next challenge uses a higher one. The HSS keeps its SEQ part and
    /// picks IND per vector (TS 33.102 C.1.1, C.3.2), so the low 5 (IND) bits read back as zero: 000000000021 is
    /// stored as 000000000020. From ffffffffffe0 on no SQN can follow and REGISTER answers 403 until it is set lower.
    /// </summary>
    public string? Sqn { get; init; }

    /// <summary>Digest password (write-only; only HA1 values are stored).</summary>
    public string? Password { get; init; }

    /// <summary>HA1 for MD5, 32 hex digits, instead of a password.</summary>
    public string? Ha1Md5 { get; init; }

    /// <summary>HA1 for SHA-256, 64 hex digits, instead of a password.</summary>
    public string? Ha1Sha256 { get; init; }

    /// <summary>Digest realm of the HA1 values; default the IMPI's domain.</summary>
    public string? Realm { get; init; }
}
