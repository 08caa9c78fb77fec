namespace ImsLab.Sip.Authentication.Digest;

/// <summary>Wire names and properties of <see cref="DigestAlgorithm"/>.</summary>
public static class DigestAlgorithms
{
    /// <summary>The token carried in the algorithm parameter.</summary>
    public static string ToWireName(this DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5",
        DigestAlgorithm.Md5Sess => "MD5-sess",
        DigestAlgorithm.Sha256 => "SHA-256",
        DigestAlgorithm.Sha256Sess => "SHA-256-sess",
        DigestAlgorithm.AkaV1Md5 => "AKAv1-MD5",
        DigestAlgorithm.AkaV2Md5 => "AKAv2-MD5",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>Reads an algorithm token; names are case-insensitive (RFC 7616 3.3).</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out DigestAlgorithm algorithm) =>
        WireNames.TryParse(name, static a => a.ToWireName(), out algorithm);

    /// <summary>True for the AKA schemes, whose password comes from an authentication vector.</summary>
    public static bool IsAka(this DigestAlgorithm algorithm) => algorithm is DigestAlgorithm.AkaV1Md5 or DigestAlgorithm.AkaV2Md5;

    /// <summary>True for the "-sess" variants, whose HA1 also covers nonce and cnonce.</summary>
    public static bool IsSession(this DigestAlgorithm algorithm) => algorithm is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess;

    /// <summary>The hash function the algorithm uses.</summary>
    public static DigestHashFunction HashFunction(this DigestAlgorithm algorithm) =>
        algorithm is DigestAlgorithm.Sha256 or DigestAlgorithm.Sha256Sess ? DigestHashFunction.Sha256 : DigestHashFunction.Md5;
}
