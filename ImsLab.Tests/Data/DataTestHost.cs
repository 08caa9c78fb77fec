using ImsLab.Data;
using ImsLab.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImsLab.Tests.Data;

/// <summary>
/// The real data layer (AddImsLabData) on a fresh database: a new PostgreSQL database on the shared cluster, or a
/// SQLite file in a temp directory. Clock is a <see cref="ManualTimeProvider"/>.
/// </summary>
internal sealed class DataTestHost : IAsyncDisposable
{
    public const string TestMasterKey = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    private readonly bool _ownsDirectory;

    private DataTestHost(ServiceProvider services, DatabaseProvider provider, string? directory, bool ownsDirectory, string connectionString)
    {
        Services = services;
        Provider = provider;
        SqliteDirectory = directory;
        _ownsDirectory = ownsDirectory;
        ConnectionString = connectionString;
    }

    /// <summary>The SQLite data directory; pass it to a second host to simulate a restart.</summary>
    public string? SqliteDirectory { get; }

    public ServiceProvider Services { get; }
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public ManualTimeProvider Time => (ManualTimeProvider)Services.GetRequiredService<TimeProvider>();
    public IDbContextFactory<ImsLabDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<ImsLabDbContext>>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Builds the services; migrates unless <paramref name="migrate"/> is false.</summary>
    public static async Task<DataTestHost> CreateAsync(DatabaseProvider provider, PgFixture postgres, bool migrate = true,
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, string? sqliteDirectory = null)
    {
        var values = new Dictionary<string, string?> { ["ImsLab:Secrets:MasterKey"] = TestMasterKey };
        string? directory = null;
        if (provider == DatabaseProvider.PostgreSql)
        {
            values["ConnectionStrings:ImsLab"] = await postgres.CreateDatabaseAsync("imslab");
        }
        else
        {
            directory = sqliteDirectory ?? Directory.CreateTempSubdirectory("imslab-data-").FullName;
            values["ImsLab:DataDirectory"] = directory;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.Zero)));
        services.AddImsLabData(configuration);
        configure?.Invoke(services);
        var serviceProvider = services.BuildServiceProvider();
        var host = new DataTestHost(serviceProvider, provider, directory, sqliteDirectory is null, serviceProvider.GetRequiredService<ImsLabDataOptions>().ConnectionString);
        if (migrate) await serviceProvider.GetRequiredService<ImsLabDatabaseInitializer>().InitializeAsync(CancellationToken.None);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (SqliteDirectory is not null && _ownsDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(SqliteDirectory, true); } catch (IOException) { }
        }
    }
}
