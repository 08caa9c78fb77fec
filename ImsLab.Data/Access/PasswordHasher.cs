using System.Security.Cryptography;
using System.Text;

namespace ImsLab.Data.Access;

/// <summary>Salted PBKDF2-HMAC-SHA256 (RFC 8018 5.2) for user passwords.</summary>
internal static class PasswordHasher
{
    public const int Iterations = 100_000;
    private const int SaltLength = 16;
    private const int HashLength = 32;

    public static (byte[] Hash, byte[] Salt, int Iterations) Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        return (Derive(password, salt, Iterations), salt, Iterations);
    }

    public static bool Verify(string password, byte[] hash, byte[] salt, int iterations) =>
        CryptographicOperations.FixedTimeEquals(Derive(password, salt, iterations), hash);

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashLength);
}
