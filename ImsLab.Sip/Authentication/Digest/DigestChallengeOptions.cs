namespace ImsLab.Sip.Authentication.Digest;

/// <summary>How challenges are built.</summary>
public sealed record DigestChallengeOptions
{
    /// <summary>qop options offered; "auth" by default, as IMS UEs expect (TS 24.229 5.4.1.2.1).</summary>
    public IReadOnlyList<DigestQop> QopOptions { get; init; } = [DigestQop.Auth];

    /// <summary>opaque to include, or null.</summary>
    public string? Opaque { get; init; }
}
