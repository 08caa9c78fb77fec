namespace ImsLab.Sip.Authentication.Digest;

/// <summary>The hash H() behind a digest algorithm; a stored HA1 is only usable with its own hash.</summary>
public enum DigestHashFunction
{
    /// <summary>MD5, 32 hex digits.</summary>
    Md5,
    /// <summary>SHA-256, 64 hex digits.</summary>
    Sha256,
}
