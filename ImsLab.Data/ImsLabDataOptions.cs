using ImsLab.Sip.Authentication.Aka;
using Microsoft.Extensions.Configuration;

namespace ImsLab.Data;

/// <summary>What ImsLab.Data reads from configuration, resolved once at start-up.</summary>
internal sealed class ImsLabDataOptions
{
    public const string ConnectionStringName = "ImsLab";
    public const string DefaultRealmValue = "ims.mnc001.mcc001.3gppnetwork.org";

    public required DatabaseProvider Provider { get; init; }
    public required string ConnectionString { get; init; }
    public required string DataDirectory { get; init; }
    public string? MasterKeyHex { get; init; }
    public bool SeedDemo { get; init; }

    /// <summary>TS 33.102 C.3.2 IND length in bits, to show and set SQN = SEQ || IND; must match the registrar's SequenceNumberOptions.</summary>
    public int IndBits { get; init; } = new SequenceNumberOptions().IndBits;

    /// <summary>Most profiles (and IMPU lookups) kept in memory by the subscriber cache.</summary>
    public int SubscriberCacheSize { get; init; } = 100_000;

    /// <summary>The digest realm used for subscribers whose IMPI has no domain part (e.g. "alice").</summary>
    public string DefaultRealm { get; init; } = DefaultRealmValue;

    public static ImsLabDataOptions FromConfiguration(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration["ImsLab:DataDirectory"] is { Length: > 0 } d ? d : "./data");
        var postgres = configuration.GetConnectionString(ConnectionStringName);
        var sqlitePath = Path.Combine(dataDirectory, "imslab.db");
        return new ImsLabDataOptions
        {
            Provider = string.IsNullOrWhiteSpace(postgres) ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql,
            ConnectionString = string.IsNullOrWhiteSpace(postgres) ? $"Data Source={sqlitePath}" : postgres,
            DataDirectory = dataDirectory,
            MasterKeyHex = configuration["ImsLab:Secrets:MasterKey"] is { Length: > 0 } key ? key.Trim() : null,
            SeedDemo = configuration.GetValue("ImsLab:Demo:Seed", false),
            IndBits = configuration.GetValue("ImsLab:Sip:Aka:IndBits", new SequenceNumberOptions().IndBits),
            SubscriberCacheSize = configuration.GetValue("ImsLab:Data:SubscriberCacheSize", 100_000),
            DefaultRealm = configuration["ImsLab:Sip:Realm"] is { Length: > 0 } realm ? realm
                : configuration["ImsLab:Sip:Domain"] is { Length: > 0 } domain ? domain : DefaultRealmValue,
        };
    }
}
