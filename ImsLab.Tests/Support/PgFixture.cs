using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ImsLab.Tests.Support;

/// Throwaway PostgreSQL 15 cluster: initdb into a temp dir, pg_ctl start on a free loopback port.
/// Postgres refuses to run as root, so when we are root every pg command runs via `runuser -u postgres`.
public sealed class PgFixture : IAsyncLifetime
{
    const string Bin = "/usr/lib/postgresql/15/bin";
    readonly string _dir = Directory.CreateTempSubdirectory("pgfx-").FullName;
    public int Port { get; } = FreePort();
    public string ConnectionString(string db = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={db};Pooling=false";
    public TimeSpan StartupTime { get; private set; }

    static bool IsRoot => Environment.UserName == "root";

    static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0); l.Start();
        var p = ((IPEndPoint)l.LocalEndpoint).Port; l.Stop(); return p;
    }

    static void Run(string exe, string args, bool asPostgres = true)
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
        if (IsRoot) Run("/bin/chown", "postgres:postgres " + _dir, asPostgres: false);
        Run($"{Bin}/initdb", $"-D {_dir}/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync");
        Run($"{Bin}/pg_ctl", $"-D {_dir}/data -l {_dir}/log -w -t 30 start " +
            $"-o \"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\"");
        StartupTime = sw.Elapsed;
        await using var c = new NpgsqlConnection(ConnectionString());
        await c.OpenAsync();
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var c = new NpgsqlConnection(ConnectionString());
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
        await cmd.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public Task DisposeAsync()
    {
        try { Run($"{Bin}/pg_ctl", $"-D {_dir}/data -m immediate -w stop"); } catch { }
        try { Directory.Delete(_dir, true); } catch { }
        return Task.CompletedTask;
    }
}
