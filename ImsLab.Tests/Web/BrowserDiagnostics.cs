using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ImsLab.Tests.Web;

/// <summary>
/// What a browser test needs to explain a click or an input that had no effect: the page's console (blazor.web.js logs
/// a lost connection or a circuit error there) and the host's own warnings about circuits, SignalR and components. A
/// dialog that "stayed open" on the loaded CI machine says which of these happened instead of only that it did.
/// </summary>
internal sealed class BrowserDiagnostics : ILoggerProvider
{
    private const int Kept = 40;
    private static readonly ConditionalWeakTable<IPage, BrowserDiagnostics> Pages = [];
    private static readonly string[] ServerCategories =
        ["Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.SignalR", "Microsoft.AspNetCore.Http.Connections"];

    private readonly ConcurrentQueue<string> _server = new();
    private readonly ConditionalWeakTable<IPage, ConcurrentQueue<string>> _consoles = [];

    /// <summary>Starts recording <paramref name="page"/>'s console and errors next to this host's log.</summary>
    public void Watch(IPage page)
    {
        var console = new ConcurrentQueue<string>();
        _consoles.Add(page, console);
        Pages.Add(page, this);
        page.Console += (_, message) => Keep(console, $"console {message.Type}: {message.Text}");
        page.PageError += (_, error) => Keep(console, $"page error: {error}");
    }

    /// <summary>The console of <paramref name="page"/> and the host's warnings, newest last; empty when none were recorded.</summary>
    public static string Describe(IPage page)
    {
        if (!Pages.TryGetValue(page, out var diagnostics)) return "";
        var console = diagnostics._consoles.TryGetValue(page, out var lines) ? lines.ToArray() : [];
        return $"browser console ({console.Length}):\n{string.Join('\n', console)}\n"
            + $"host warnings ({diagnostics._server.Count}):\n{string.Join('\n', diagnostics._server)}";
    }

    public ILogger CreateLogger(string categoryName) =>
        ServerCategories.Any(c => categoryName.StartsWith(c, StringComparison.Ordinal)) ? new ServerLogger(this, categoryName) : NullLogger;

    public void Dispose()
    {
    }

    private static void Keep(ConcurrentQueue<string> lines, string line)
    {
        lines.Enqueue(line);
        while (lines.Count > Kept) lines.TryDequeue(out _);
    }

    private static readonly ILogger NullLogger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    private sealed class ServerLogger(BrowserDiagnostics owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            Keep(owner._server, $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
        }
    }
}
