using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ImsLab.Tests.Support;

/// <summary>
/// A real PostgreSQL for tests, shared by the whole test assembly through <see cref="PostgresCollection"/>: a
/// throwaway 15 cluster (initdb into a temp dir, pg_ctl start on a free loopback port), or the external server named
/// by the IMSLAB_TEST_POSTGRES connection string when that is set. Each test class makes its own database.
/// Postgres refuses to run as root, so as root every pg command runs via `runuser -u postgres`.
/// </summary>
public sealed class PgFixture : IAsyncLifetime
{
    /// <summary>Environment variable holding an external server's connection string (CI with a service container).</summary>
    public const string ExternalServerVariable = "IMSLAB_TEST_POSTGRES";

    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string? _external = Environment.GetEnvironmentVariable(ExternalServerVariable) is { Length: > 0 } cs ? cs : null;
    private string? _dir;
    private int _port;

    public TimeSpan StartupTime { get; private set; }

    /// <summary>Connection string for database <paramref name="db"/> on the server.</summary>
    public string ConnectionString(string db = "postgres")
    {
        var builder = _external is not null
            ? new NpgsqlConnectionStringBuilder(_external)
            : new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = "postgres" };
        builder.Database = db;
        return builder.ConnectionString;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0); l.Start();
        var p = ((IPEndPoint)l.LocalEndpoint).Port; l.Stop(); return p;
    }

    private static void Run(string exe, string args, bool asPostgres = true)
    {
        var psi = IsRoot && asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {exe} {args}")
            : new ProcessStartInfo(exe, args);
        psi.RedirectStandardOutput = psi.RedirectStandardError = true;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync(); var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} {args} -> {p.ExitCode}\n{stdout.Result}\n{stderr}");
    }

    public async Task InitializeAsync()
    {
        var sw = Stopwatch.StartNew();
        if (_external is null)
        {
            _dir = Directory.CreateTempSubdirectory("pgfx-").FullName;
            _port = FreePort();
            if (IsRoot) Run("/bin/chown", "postgres:postgres " + _dir, asPostgres: false);
            Run($"{Bin}/initdb", $"-D {_dir}/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync");
            Run($"{Bin}/pg_ctl", $"-D {_dir}/data -l {_dir}/log -w -t 30 start " +
                $"-o \"-p {_port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\"");
        }
        StartupTime = sw.Elapsed;
        await using var c = new NpgsqlConnection(ConnectionString());
        await c.OpenAsync();
    }

    /// <summary>Creates a fresh database with a unique name derived from <paramref name="prefix"/>; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        await using var c = new NpgsqlConnection(ConnectionString());
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
        await cmd.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public Task DisposeAsync()
    {
        if (_dir is null) return Task.CompletedTask;
        try { Run($"{Bin}/pg_ctl", $"-D {_dir}/data -m immediate -w stop"); } catch (InvalidOperationException) { }
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
