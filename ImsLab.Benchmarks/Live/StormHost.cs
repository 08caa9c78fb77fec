using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace ImsLab.Benchmarks.Live;

/// <summary>
/// The real host, in this process so that the measurement can publish on its bus directly, on Kestrel at a random
/// loopback port, with a throwaway data directory and SIP on free loopback ports.
/// </summary>
internal sealed class StormHost : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("imslab-storm-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ImsLab:DataDirectory", DataDirectory);
        builder.UseSetting("ImsLab:Admin:Password", "storm-admin-password");
        builder.UseSetting("ImsLab:Sip:Listeners:0:Protocol", "Udp");
        builder.UseSetting("ImsLab:Sip:Listeners:0:Address", "127.0.0.1");
        builder.UseSetting("ImsLab:Sip:Listeners:0:Port", "0");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finalizing connection; the OS temp cleaner removes it later.
        }
    }
}
