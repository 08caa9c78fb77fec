using BenchmarkDotNet.Attributes;
using ImsLab.Data;
using ImsLab.Sip.Subscribers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ImsLab.Benchmarks.Data;

/// <summary>
/// Group-commit cost of IBindingStore.ApplyAsync on PostgreSQL: one call per batch, as the registrar's commit
/// queue makes it. Bindings are refreshed round-robin from a pool of 10,000 (after the first pass every upsert
/// updates an existing row, like re-registrations). Changes/s = BatchSize / Mean.
/// Needs a server: IMSLAB_BENCH_POSTGRES="Host=127.0.0.1;Port=...;Username=postgres" (a database is created in it).
/// </summary>
[MemoryDiagnoser]
public class BindingStoreBenchmarks
{
    private const int PoolSize = 10_000;
    private ServiceProvider _services = null!;
    private IBindingStore _store = null!;
    private RegistrationBinding[] _pool = null!;
    private int _next;

    [Params(1, 50, 500)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var server = Environment.GetEnvironmentVariable("IMSLAB_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Set IMSLAB_BENCH_POSTGRES to a PostgreSQL connection string (see the class comment).");
        var database = "imslab_bench_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            create.ExecuteNonQuery();
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ImsLab"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString,
            ["ImsLab:Secrets:MasterKey"] = new string('a', 64),
        }).Build();
        _services = new ServiceCollection().AddLogging().AddImsLabData(configuration).BuildServiceProvider();
        _services.GetRequiredService<ImsLabDatabaseInitializer>().InitializeAsync(default).GetAwaiter().GetResult();
        _store = _services.GetRequiredService<IBindingStore>();

        var now = DateTimeOffset.UtcNow;
        _pool = Enumerable.Range(0, PoolSize).Select(n => new RegistrationBinding
        {
            Id = Guid.NewGuid(), Impu = $"sip:user{n}@ims.example.org", Impi = $"user{n}@ims.example.org",
            ContactUri = $"sip:user{n}@10.0.{n / 250 % 250}.{n % 250}:5060", ContactParameters = ";expires=600;+sip.instance=\"<urn:uuid:00000000-0000-0000-0000-000000000001>\";reg-id=1",
            ExpiresAt = now.AddHours(1), InstanceId = "<urn:uuid:00000000-0000-0000-0000-000000000001>", RegId = 1,
            FeatureTags = ["+g.3gpp.smsip"], Path = ["<sip:term@pcscf.ims.example.org;lr>"],
            Flow = new BindingFlow("UDP", $"10.0.{n / 250 % 250}.{n % 250}", 5060, "127.0.0.1", 5060, 0),
            CallId = $"call-{n}", CSeq = 1, ScscfUri = "sip:scscf.ims.example.org", RegisteredAt = now, RefreshedAt = now,
        }).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "ApplyAsync(batch of BatchSize upserts)")]
    public Task Apply()
    {
        var batch = new BindingChange[BatchSize];
        for (var i = 0; i < batch.Length; i++)
        {
            var binding = _pool[_next++ % PoolSize];
            batch[i] = new BindingChange.Upsert(binding with { CSeq = binding.CSeq + (uint)_next });
        }
        return _store.ApplyAsync(batch, default);
    }
}
