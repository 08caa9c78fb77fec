namespace ImsLab.Sip.Authentication.Digest;

/// <summary>What a UE or softphone knows when it answers a challenge.</summary>
/// <param name="Username">username (the IMPI for IMS).</param>
/// <param name="Method">SIP method of the request being authorized.</param>
/// <param name="Uri">digest-uri (the Request-URI).</param>
/// <param name="Cnonce">client nonce, used with qop.</param>
/// <param name="NonceCount">nc for this nonce (1 for the first use).</param>
public sealed record DigestClientRequest(string Username, string Method, string Uri, string Cnonce, uint NonceCount = 1)
{
    /// <summary>Request body, for qop=auth-int.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>qop to use when the challenge offers several; by default "auth" when offered.</summary>
    public DigestQop? PreferredQop { get; init; }

    /// <summary>integrity-protected value to send (normally set by the P-CSCF, useful in lab tests).</summary>
    public IntegrityProtection? IntegrityProtected { get; init; }
}
