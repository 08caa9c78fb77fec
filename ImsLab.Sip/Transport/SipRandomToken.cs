using System.Security.Cryptography;

namespace ImsLab.Sip.Transport;

/// <summary>Tags and branch identifiers: RFC 3261 19.3 asks for globally unique, cryptographically random values.</summary>
internal static class SipRandomToken
{
    private const int RandomBytes = 10;

    /// <summary>Lower-case hex of 80 random bits: a valid token (RFC 3261 25.1) for a tag or after the branch cookie.</summary>
    public static string Next()
    {
        Span<byte> random = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(random);
        return Convert.ToHexStringLower(random);
    }
}
