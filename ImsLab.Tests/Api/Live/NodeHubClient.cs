using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Api.Live;

/// <summary>
/// The npm SignalR client (ImsLab.Tests/Node/client.mjs) in a Node process: each line it prints is one JSON fact
/// (connected, message, error, closed), read here in order. Disposing closes its standard input, which makes it stop.
/// </summary>
internal sealed class NodeHubClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly Process _process;
    private readonly Channel<JsonElement> _lines = Channel.CreateUnbounded<JsonElement>();
    private readonly Task _reader;
    private readonly Task<string> _stderr;

    private NodeHubClient(Process process)
    {
        _process = process;
        _reader = ReadLinesAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static string NodeFolder => RepositoryRoot.Combine("ImsLab.Tests", "Node");

    /// <summary>Starts the client; the API key, if any, travels in the environment, never on the command line.</summary>
    public static NodeHubClient Start(string hubUrl, string? apiKey, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(NodeFolder, "node_modules", "@microsoft", "signalr")))
        {
            throw new InvalidOperationException($"npm packages missing in {NodeFolder}: run scripts/install-test-deps.sh");
        }
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = NodeFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("client.mjs");
        start.ArgumentList.Add("--url");
        start.ArgumentList.Add(hubUrl);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["IMSLAB_API_KEY"] = apiKey ?? "";
        return new NodeHubClient(Process.Start(start) ?? throw new InvalidOperationException("node did not start"));
    }

    /// <summary>The next line the client printed, within the patience deadline.</summary>
    public async Task<JsonElement> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await _lines.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("The Node client printed nothing more within " + Patience);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The Node client exited. Its stderr: " + await _stderr);
        }
    }

    /// <summary>Reads lines until one of <paramref name="kind"/> (connected, message, error, closed) comes; returns it and what came before.</summary>
    public async Task<(JsonElement Line, List<JsonElement> Before)> NextOfKindAsync(string kind)
    {
        var before = new List<JsonElement>();
        while (true)
        {
            var line = await NextAsync();
            if (line.GetProperty("kind").GetString() == kind)
            {
                return (line, before);
            }
            before.Add(line);
        }
    }

    /// <summary>Events (EventResponse as JSON) of "events" messages, until <paramref name="until"/> matches one; returns them all.</summary>
    public async Task<List<JsonElement>> EventsUntilAsync(Func<JsonElement, bool> until)
    {
        var events = new List<JsonElement>();
        while (true)
        {
            var line = await NextAsync();
            Assert.NotEqual("error", line.GetProperty("kind").GetString());
            if (line.GetProperty("kind").GetString() != "message" || line.GetProperty("target").GetString() != "events")
            {
                continue;
            }
            foreach (var registrationEvent in line.GetProperty("arguments")[0].EnumerateArray())
            {
                events.Add(registrationEvent);
                if (until(registrationEvent))
                {
                    return events;
                }
            }
        }
    }

    private async Task ReadLinesAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            using var document = JsonDocument.Parse(line);
            _lines.Writer.TryWrite(document.RootElement.Clone());
        }
        _lines.Writer.TryComplete();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _reader;
        _process.Dispose();
    }
}
