using System.Security.Cryptography;
using System.Text;

namespace ImsLab.Data.Secrets;

/// <summary>
/// Encrypts secrets at rest with AES-256-GCM under the master key. Format, version 1:
/// version (1 byte) || nonce (12) || tag (16) || ciphertext. The associated data names the field and its owner
/// ("k:001010000000001@ims...") so a ciphertext copied into another row or column does not decrypt.
/// </summary>
internal sealed class SecretCipher
{
    public const int MasterKeyLength = 32;
    private const byte FormatVersion = 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int HeaderLength = 1 + NonceLength + TagLength;

    private readonly byte[] _key;

    public SecretCipher(ReadOnlySpan<byte> masterKey)
    {
        if (masterKey.Length != MasterKeyLength)
        {
            throw new ArgumentException($"The master key must be {MasterKeyLength} bytes.", nameof(masterKey));
        }
        _key = masterKey.ToArray();
    }

    public byte[] Encrypt(ReadOnlySpan<byte> plaintext, string context)
    {
        var output = new byte[HeaderLength + plaintext.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        // AesGcm instances are not documented as thread-safe; one per call is cheap next to a database round trip.
        using var aes = new AesGcm(_key, TagLength);
        aes.Encrypt(nonce, plaintext, output.AsSpan(HeaderLength), output.AsSpan(1 + NonceLength, TagLength), Encoding.UTF8.GetBytes(context));
        return output;
    }

    /// <summary>Throws <see cref="CryptographicException"/> when the data was altered or the master key is wrong.</summary>
    public byte[] Decrypt(ReadOnlySpan<byte> ciphertext, string context)
    {
        if (ciphertext.Length < HeaderLength || ciphertext[0] != FormatVersion)
        {
            throw new CryptographicException("Stored secret has an unknown format version or is truncated.");
        }
        var plaintext = new byte[ciphertext.Length - HeaderLength];
        using var aes = new AesGcm(_key, TagLength);
        aes.Decrypt(ciphertext.Slice(1, NonceLength), ciphertext[HeaderLength..], ciphertext.Slice(1 + NonceLength, TagLength),
            plaintext, Encoding.UTF8.GetBytes(context));
        return plaintext;
    }

    public byte[]? EncryptOptional(byte[]? plaintext, string context) => plaintext is null ? null : Encrypt(plaintext, context);

    public byte[]? DecryptOptional(byte[]? ciphertext, string context) => ciphertext is null ? null : Decrypt(ciphertext, context);
}
