using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace ImsLab.Tests.Api;

/// <summary>
/// The real host, in process, with its own temporary data directory (embedded database, generated keys) that is
/// deleted afterwards, and a known first-start admin password. Login attempts are not limited unless a test sets
/// ImsLab:Security:* itself, because a test class logs in many times from one address.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "admin-test-password-1";

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly List<ILoggerProvider> _loggerProviders = [];

    public ApiFactory()
        : this(new Dictionary<string, string>())
    {
    }

    internal ApiFactory(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
    }

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("imslab-api-").FullName;

    /// <summary>Adds a log sink to the host; call before the host starts.</summary>
    internal void AddLoggerProvider(ILoggerProvider provider) => _loggerProviders.Add(provider);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(logging =>
        {
            foreach (var provider in _loggerProviders) logging.AddProvider(provider);
        });
        builder.UseSetting("ImsLab:DataDirectory", DataDirectory);
        builder.UseSetting("ImsLab:Admin:Password", AdminPassword);
        builder.UseSetting("ImsLab:Security:LoginAttemptsPerWindow", "100000");
        // The SIP engine runs in every host; tests run side by side, so it listens on free loopback ports, not 5060.
        if (!_settings.Keys.Any(k => k.StartsWith("ImsLab:Sip:Listeners", StringComparison.Ordinal)))
        {
            builder.UseSetting("ImsLab:Sip:Listeners:0:Protocol", "Udp");
            builder.UseSetting("ImsLab:Sip:Listeners:0:Address", "127.0.0.1");
            builder.UseSetting("ImsLab:Sip:Listeners:0:Port", "0");
            builder.UseSetting("ImsLab:Sip:Listeners:1:Protocol", "Tcp");
            builder.UseSetting("ImsLab:Sip:Listeners:1:Address", "127.0.0.1");
            builder.UseSetting("ImsLab:Sip:Listeners:1:Port", "0");
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalizing connection; the OS temp cleaner removes it later.
        }
    }
}
