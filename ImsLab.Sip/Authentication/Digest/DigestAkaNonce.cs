using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Sip.Authentication.Digest;

/// <summary>The AKA nonce: base64(RAND || AUTN || server-specific data) (RFC 3310 3.2).</summary>
public static class DigestAkaNonce
{
    /// <summary>Encodes the nonce.</summary>
    public static string Create(ReadOnlySpan<byte> rand, ReadOnlySpan<byte> autn, ReadOnlySpan<byte> serverData)
    {
        AuthenticationThrowHelper.ThrowIfWrongLength(rand, AkaLength.Rand, nameof(rand));
        AuthenticationThrowHelper.ThrowIfWrongLength(autn, AkaLength.Autn, nameof(autn));
        Span<byte> raw = stackalloc byte[AkaLength.Rand + AkaLength.Autn + serverData.Length];
        rand.CopyTo(raw);
        autn.CopyTo(raw[AkaLength.Rand..]);
        serverData.CopyTo(raw[(AkaLength.Rand + AkaLength.Autn)..]);
        return Convert.ToBase64String(raw);
    }

    /// <summary>Reads RAND and AUTN from a nonce; false when it is not base64 of at least 32 octets.</summary>
    public static bool TryRead(string nonce, out byte[] rand, out byte[] autn)
    {
        rand = autn = [];
        if (string.IsNullOrEmpty(nonce)) return false;
        Span<byte> raw = stackalloc byte[(nonce.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(nonce, raw, out int length) || length < AkaLength.Rand + AkaLength.Autn) return false;
        rand = raw[..AkaLength.Rand].ToArray();
        autn = raw.Slice(AkaLength.Rand, AkaLength.Autn).ToArray();
        return true;
    }
}
