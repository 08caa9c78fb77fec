using System.Security.Cryptography;
using System.Text;
using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Sip.Authentication.Digest;

/// <summary>
/// What the server knows about a subscriber to check a digest response: a password, a stored HA1 for one hash
/// (RFC 7616 5.2), or AKA credentials (needed to read an AUTS; the response itself is checked against the vector
/// bound to the nonce). ToString never shows it.
/// </summary>
public sealed class DigestSecret
{
    private readonly byte[]? _password;
    private readonly byte[]? _ha1Hex;

    private DigestSecret(byte[]? password, byte[]? ha1Hex, DigestHashFunction ha1Function, AkaCredentials? aka)
    {
        _password = password;
        _ha1Hex = ha1Hex;
        Ha1Function = ha1Function;
        Aka = aka;
    }

    internal DigestHashFunction Ha1Function { get; }

    internal AkaCredentials? Aka { get; }

    /// <summary>A plain password (UTF-8).</summary>
    public static DigestSecret FromPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return new DigestSecret(Encoding.UTF8.GetBytes(password), null, default, null);
    }

    /// <summary>A stored HA1 = H(username:realm:password) for <paramref name="function"/>, as hex.</summary>
    public static DigestSecret FromHa1(DigestHashFunction function, string ha1Hex)
    {
        ArgumentNullException.ThrowIfNull(ha1Hex);
        if (ha1Hex.Length != DigestHash.HexLength(function) || !ha1Hex.All(char.IsAsciiHexDigit))
            throw new ArgumentException($"HA1 for {function} must be {DigestHash.HexLength(function)} hexadecimal digits.", nameof(ha1Hex));
        return new DigestSecret(null, Encoding.ASCII.GetBytes(ha1Hex.ToLowerInvariant()), function, null);
    }

    /// <summary>AKA credentials, for resynchronisation when the client sends auts.</summary>
    public static DigestSecret ForAka(AkaCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new DigestSecret(null, null, default, credentials);
    }

    /// <summary>
    /// Writes the base HA1 for <paramref name="algorithm"/> into <paramref name="ha1Hex"/>; false when this secret
    /// cannot serve that algorithm (an HA1 stored for another hash, or AKA credentials).
    /// </summary>
    internal bool TryGetHa1(DigestAlgorithm algorithm, string username, string realm, Span<byte> ha1Hex)
    {
        var function = algorithm.HashFunction();
        if (_password is not null)
        {
            DigestHash.Ha1(function, username, realm, _password, ha1Hex);
            return true;
        }
        if (_ha1Hex is not null && Ha1Function == function)
        {
            _ha1Hex.CopyTo(ha1Hex);
            return true;
        }
        return false;
    }

    /// <summary>Overwrites the password or HA1 held here.</summary>
    public void Clear()
    {
        if (_password is not null) CryptographicOperations.ZeroMemory(_password);
        if (_ha1Hex is not null) CryptographicOperations.ZeroMemory(_ha1Hex);
    }

    /// <inheritdoc />
    public override string ToString() => "DigestSecret { <redacted> }";
}
