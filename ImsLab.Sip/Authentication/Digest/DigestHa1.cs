using System.Security.Cryptography;
using System.Text;

namespace ImsLab.Sip.Authentication.Digest;

/// <summary>HA1 = H(username:realm:password) for storing instead of the password (RFC 7616 3.4.2, 5.2).</summary>
public static class DigestHa1
{
    /// <summary>HA1 in lower-case hex for the given hash.</summary>
    public static string Compute(DigestHashFunction function, string username, string realm, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(password);
        Span<byte> hex = stackalloc byte[DigestHash.MaxHexLength];
        int length = DigestHash.HexLength(function);
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        DigestHash.Ha1(function, username, realm, passwordBytes, hex);
        CryptographicOperations.ZeroMemory(passwordBytes);
        return Encoding.ASCII.GetString(hex[..length]);
    }
}
