using System.Text.Json;

namespace ImsLab.Tests.Api.Events;

/// <summary>Reads a text/event-stream response line by line: comments and registration events (WHATWG HTML 9.2.6).</summary>
internal sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream);

    public static async Task<(HttpResponseMessage Response, SseReader Reader)> OpenAsync(HttpClient client, string path)
    {
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.NextCommentAsync(TimeSpan.FromSeconds(10)));
        return (response, reader);
    }

    /// <summary>The next non-empty line, whatever it is.</summary>
    public async Task<string> NextLineAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
            if (line.Length > 0) return line;
        }
    }

    /// <summary>The next comment line (": ..."), skipping events.</summary>
    public async Task<string> NextCommentAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
            if (line.StartsWith(':')) return line;
        }
    }

    /// <summary>The next "registration" event matching <paramref name="match"/>, its data parsed; checks every message's form.</summary>
    public async Task<JsonElement> NextEventAsync(Func<JsonElement, bool> match, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        string? type = null, id = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
            if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
            else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var data = JsonDocument.Parse(line[6..]).RootElement.Clone();
                Assert.Equal("registration", type);
                Assert.Equal(data.GetProperty("id").GetString(), id);
                if (match(data)) return data;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
