namespace ImsLab.Sip.Authentication.Digest;

/// <summary>The request-side values that enter a digest response (RFC 7616 3.4.1-3.4.3).</summary>
/// <param name="Username">username.</param>
/// <param name="Realm">realm.</param>
/// <param name="Nonce">nonce from the challenge.</param>
/// <param name="Method">SIP method of the request (RFC 3261 22.4: the method, not "GET").</param>
/// <param name="Uri">digest-uri.</param>
/// <param name="Qop">qop, or null for the RFC 2069 form.</param>
/// <param name="Cnonce">cnonce (with qop or a -sess algorithm).</param>
/// <param name="NonceCount">nc (with qop).</param>
public sealed record DigestResponseInput(string Username, string Realm, string Nonce, string Method, string Uri,
    DigestQop? Qop = null, string? Cnonce = null, uint? NonceCount = null)
{
    /// <summary>The input as the credentials carry it.</summary>
    public static DigestResponseInput From(DigestCredentials credentials, string method)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new(credentials.Username, credentials.Realm, credentials.Nonce, method, credentials.Uri,
            credentials.Qop, credentials.Cnonce, credentials.NonceCount);
    }
}
