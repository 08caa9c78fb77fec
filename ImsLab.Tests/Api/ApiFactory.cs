using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

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

    public ApiFactory()
        : this(new Dictionary<string, string>())
    {
    }

    internal ApiFactory(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
    }

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("imslab-api-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ImsLab:DataDirectory", DataDirectory);
        builder.UseSetting("ImsLab:Admin:Password", AdminPassword);
        builder.UseSetting("ImsLab:Security:LoginAttemptsPerWindow", "100000");
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
