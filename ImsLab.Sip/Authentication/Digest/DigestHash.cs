using System.Security.Cryptography;

namespace ImsLab.Sip.Authentication.Digest;

/// <summary>
/// The digest computations of RFC 7616 3.4.1-3.4.3 (RFC 2617 3.2.2 for MD5): HA1, HA2 and response, all as
/// lower-case hex in ASCII bytes. AKA schemes hash with MD5 and only change the password (RFC 3310, RFC 4169).
/// </summary>
internal static class DigestHash
{
    public const int MaxHexLength = SHA256.HashSizeInBytes * 2;

    public static int HexLength(DigestHashFunction function) =>
        function == DigestHashFunction.Sha256 ? SHA256.HashSizeInBytes * 2 : MD5.HashSizeInBytes * 2;

    /// <summary>HA1 = H(username ":" realm ":" password).</summary>
    public static void Ha1(DigestHashFunction function, string username, string realm, ReadOnlySpan<byte> password, Span<byte> ha1Hex)
    {
        var input = new Utf8Concatenation(username.Length * 3 + realm.Length * 3 + password.Length + 2);
        try
        {
            input.Append(username);
            input.Colon();
            input.Append(realm);
            input.Colon();
            input.Append(password);
            HashHex(function, input.Written, ha1Hex);
        }
        finally { input.Dispose(); }
    }

    /// <summary>The response for a base HA1 (H(username:realm:password)); applies the -sess step itself.</summary>
    public static void Response(DigestAlgorithm algorithm, ReadOnlySpan<byte> ha1Hex, DigestResponseInput input,
        ReadOnlySpan<byte> body, Span<byte> responseHex)
    {
        var function = algorithm.HashFunction();
        int hexLength = HexLength(function);
        Span<byte> sessionHa1 = stackalloc byte[MaxHexLength];
        Span<byte> ha2 = stackalloc byte[MaxHexLength];
        Span<byte> bodyHash = stackalloc byte[MaxHexLength];

        scoped ReadOnlySpan<byte> ha1 = ha1Hex;
        if (algorithm.IsSession())
        {
            // RFC 7616 3.4.2: HA1 = H(H(username:realm:password) ":" nonce ":" cnonce)
            var session = new Utf8Concatenation(hexLength + input.Nonce.Length * 3 + (input.Cnonce?.Length ?? 0) * 3 + 2);
            try
            {
                session.Append(ha1Hex);
                session.Colon();
                session.Append(input.Nonce);
                session.Colon();
                session.Append(input.Cnonce ?? "");
                HashHex(function, session.Written, sessionHa1);
            }
            finally { session.Dispose(); }
            ha1 = sessionHa1[..hexLength];
        }

        // RFC 7616 3.4.3: HA2 = H(method ":" uri) or, for auth-int, H(method ":" uri ":" H(entity-body))
        var a2 = new Utf8Concatenation(input.Method.Length * 3 + input.Uri.Length * 3 + hexLength + 2);
        try
        {
            a2.Append(input.Method);
            a2.Colon();
            a2.Append(input.Uri);
            if (input.Qop == DigestQop.AuthInt)
            {
                HashHex(function, body, bodyHash);
                a2.Colon();
                a2.Append(bodyHash[..hexLength]);
            }
            HashHex(function, a2.Written, ha2);
        }
        finally { a2.Dispose(); }

        // RFC 7616 3.4.1: response = H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2); RFC 2069 form without qop.
        var kd = new Utf8Concatenation(hexLength * 2 + input.Nonce.Length * 3 + (input.Cnonce?.Length ?? 0) * 3 + 32);
        try
        {
            kd.Append(ha1);
            kd.Colon();
            kd.Append(input.Nonce);
            kd.Colon();
            if (input.Qop is { } qop)
            {
                kd.Append(DigestCredentials.FormatNonceCount(input.NonceCount ?? 0));
                kd.Colon();
                kd.Append(input.Cnonce ?? "");
                kd.Colon();
                kd.Append(DigestCredentials.QopName(qop));
                kd.Colon();
            }
            kd.Append(ha2[..hexLength]);
            HashHex(function, kd.Written, responseHex);
        }
        finally { kd.Dispose(); }
    }

    public static void HashHex(DigestHashFunction function, ReadOnlySpan<byte> data, Span<byte> hex)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        int length = function == DigestHashFunction.Sha256 ? SHA256.HashData(data, hash) : MD5.HashData(data, hash);
        for (int i = 0; i < length; i++)
        {
            hex[2 * i] = HexDigit(hash[i] >> 4);
            hex[2 * i + 1] = HexDigit(hash[i] & 0xF);
        }
    }

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'a' + value - 10);
}
