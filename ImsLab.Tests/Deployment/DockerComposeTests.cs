using System.Diagnostics;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Deployment;

/// <summary>
/// No Docker engine runs here, but Debian's docker-compose validates and resolves the file without one
/// (`docker-compose config`), which catches syntax errors, bad interpolation and wrong service wiring.
/// </summary>
public sealed class DockerComposeTests
{
    [Fact]
    public async Task ComposeFileResolvesToPostgresAndTheServerWiredTogether()
    {
        var (exitCode, output) = await RunComposeConfigAsync(("IMSLAB_MASTER_KEY", new string('a', 64)));

        Assert.True(exitCode == 0, output);
        Assert.Contains("image: postgres:15", output);
        Assert.Contains("Host=db;Port=5432;Database=imslab", output);
        Assert.Contains("condition: service_healthy", output);
        Assert.Contains("protocol: udp", output);
        Assert.Matches(@"published: ""?5060", output);
        Assert.Matches(@"published: ""?8080", output);
    }

    [Fact]
    public async Task ComposeRefusesToResolveWithoutAMasterKeyForTheSecretsAtRest()
    {
        var (exitCode, output) = await RunComposeConfigAsync(("IMSLAB_MASTER_KEY", null));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("IMSLAB_MASTER_KEY", output);
    }

    [Fact]
    public void DockerfilePublishesTheHostProjectAndStartsItsAssembly()
    {
        var dockerfile = File.ReadAllText(RepositoryRoot.Combine("Dockerfile"));

        Assert.Contains("dotnet publish ImsLab.Api/ImsLab.Api.csproj", dockerfile);
        Assert.Contains("\"ImsLab.Api.dll\"", dockerfile);
        Assert.True(File.Exists(RepositoryRoot.Combine("ImsLab.Api", "ImsLab.Api.csproj")));
    }

    private static async Task<(int ExitCode, string Output)> RunComposeConfigAsync(params (string Name, string? Value)[] environment)
    {
        var start = new ProcessStartInfo("docker-compose", "config")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name); else start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
