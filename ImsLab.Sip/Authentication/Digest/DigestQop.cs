namespace ImsLab.Sip.Authentication.Digest;

/// <summary>Quality of protection (RFC 7616 3.3).</summary>
public enum DigestQop
{
    /// <summary>"auth": HA2 covers method and URI.</summary>
    Auth,
    /// <summary>"auth-int": HA2 also covers H(body).</summary>
    AuthInt,
}
