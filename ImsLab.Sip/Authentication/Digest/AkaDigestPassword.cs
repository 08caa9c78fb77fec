using System.Security.Cryptography;
using System.Text;
using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Sip.Authentication.Digest;

/// <summary>The digest "password" of the AKA schemes, derived from the AKA outputs rather than stored.</summary>
public static class AkaDigestPassword
{
    // RFC 4169 3: the PRF's input string.
    private static ReadOnlySpan<byte> AkaV2PasswordLabel => "http-digest-akav2-password"u8;

    /// <summary>
    /// AKAv1-MD5: the RES octets themselves, raw binary (RFC 3310 3.2). AKAv2-MD5: base64 of
    /// PRF(RES || IK || CK, "http-digest-akav2-password") with PRF = HMAC-MD5 keyed by RES || IK || CK (RFC 4169 3).
    /// </summary>
    public static byte[] Compute(DigestAlgorithm algorithm, ReadOnlySpan<byte> res, ReadOnlySpan<byte> ik, ReadOnlySpan<byte> ck)
    {
        switch (algorithm)
        {
            case DigestAlgorithm.AkaV1Md5:
                return res.ToArray();
            case DigestAlgorithm.AkaV2Md5:
                AuthenticationThrowHelper.ThrowIfWrongLength(ik, AkaLength.Ik, nameof(ik));
                AuthenticationThrowHelper.ThrowIfWrongLength(ck, AkaLength.Ck, nameof(ck));
                Span<byte> key = stackalloc byte[res.Length + AkaLength.Ik + AkaLength.Ck];
                res.CopyTo(key);
                ik.CopyTo(key[res.Length..]);
                ck.CopyTo(key[(res.Length + AkaLength.Ik)..]);
                Span<byte> prf = stackalloc byte[HMACMD5.HashSizeInBytes];
                HMACMD5.HashData(key, AkaV2PasswordLabel, prf);
                CryptographicOperations.ZeroMemory(key);
                var password = Encoding.ASCII.GetBytes(Convert.ToBase64String(prf));
                CryptographicOperations.ZeroMemory(prf);
                return password;
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not an AKA digest algorithm.");
        }
    }
}
