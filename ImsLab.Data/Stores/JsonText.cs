using System.Text.Encodings.Web;
using System.Text.Json;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Data.Stores;

/// <summary>The JSON text columns: string lists and SIP traces.</summary>
internal static class JsonText
{
    // Minimal escaping: these columns are read back by this class, never embedded in HTML, and a SIP trace is full
    // of '<', '>' and '+' that the default encoder would write as six-character escapes.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string FromList(IReadOnlyList<string> values) => values.Count == 0 ? "[]" : JsonSerializer.Serialize(values, Options);

    public static IReadOnlyList<string> ToList(string? json) =>
        string.IsNullOrEmpty(json) || json == "[]" ? [] : JsonSerializer.Deserialize<string[]>(json, Options) ?? [];

    public static string? FromTrace(IReadOnlyList<SipTraceEntry>? trace) => trace is null ? null : JsonSerializer.Serialize(trace, Options);

    public static IReadOnlyList<SipTraceEntry>? ToTrace(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<SipTraceEntry[]>(json, Options);
}
