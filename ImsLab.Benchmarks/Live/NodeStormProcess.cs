using System.Diagnostics;
using System.Text.Json;

namespace ImsLab.Benchmarks.Live;

/// <summary>One Node process running ImsLab.Tests/Node/storm.mjs with a share of the clients.</summary>
internal sealed class NodeStormProcess
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Process _process;

    private NodeStormProcess(Process process, bool stalled)
    {
        _process = process;
        Stalled = stalled;
    }

    public bool Stalled { get; }

    public static NodeStormProcess Start(string hubUrl, string apiKey, int clients, bool stall)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = NodeFolder(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["storm.mjs", "--url", hubUrl, "--clients", clients.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }
        if (stall)
        {
            start.ArgumentList.Add("--stall");
        }
        start.Environment["IMSLAB_API_KEY"] = apiKey;
        return new NodeStormProcess(Process.Start(start) ?? throw new InvalidOperationException("node did not start"), stall);
    }

    public async Task ConnectedAsync()
    {
        var line = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("storm.mjs exited before connecting");
        if (!line.Contains("\"connected\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("storm.mjs: " + line);
        }
    }

    public async Task<IReadOnlyList<ClientReport>> ReportAsync()
    {
        _process.StandardInput.Close();
        var line = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("storm.mjs exited without a report");
        await _process.WaitForExitAsync();
        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty("clients").Deserialize<List<ClientReport>>(Json)!;
    }

    private static string NodeFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImsLab.sln")))
            {
                return Path.Combine(dir.FullName, "ImsLab.Tests", "Node");
            }
        }
        throw new InvalidOperationException("ImsLab.sln not found above " + AppContext.BaseDirectory);
    }
}
