using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace ImsLab.Data.Secrets;

/// <summary>
/// Finds the master key: ImsLab:Secrets:MasterKey (64 hex digits) when configured; on the embedded default a key
/// generated once into {DataDirectory}/master.key (mode 600); on PostgreSQL without one, a refusal to start,
/// because a generated key on one host would make the shared database unreadable on any other.
/// </summary>
internal static partial class MasterKeyLoader
{
    public const string ConfigurationKey = "ImsLab:Secrets:MasterKey";
    public const string KeyFileName = "master.key";

    public static SecretCipher Load(ImsLabDataOptions options, ILogger logger)
    {
        if (options.MasterKeyHex is { } configured) return new SecretCipher(ParseHex(configured, ConfigurationKey));
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            throw new InvalidOperationException(
                $"{ConfigurationKey} is not set. With PostgreSQL a master key (64 hex digits, e.g. from `openssl rand -hex 32`) " +
                "must be configured so every ImsLab instance can decrypt subscriber keys; refusing to start.");
        }

        var path = Path.Combine(options.DataDirectory, KeyFileName);
        if (File.Exists(path)) return new SecretCipher(ParseHex(File.ReadAllText(path).Trim(), path));

        Directory.CreateDirectory(options.DataDirectory);
        var key = RandomNumberGenerator.GetBytes(SecretCipher.MasterKeyLength);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, fileOptions))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToHexStringLower(key));
        }
        GeneratedMasterKey(logger, path);
        return new SecretCipher(key);
    }

    private static byte[] ParseHex(string hex, string source)
    {
        if (hex.Length != SecretCipher.MasterKeyLength * 2 || !hex.All(Uri.IsHexDigit))
        {
            throw new InvalidOperationException($"The master key in {source} must be exactly 64 hex digits.");
        }
        return Convert.FromHexString(hex);
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning,
        Message = "No master key configured: generated one in {Path} (mode 600). Back it up: without it the stored subscriber keys cannot be read.")]
    private static partial void GeneratedMasterKey(ILogger logger, string path);
}
