using System.Text.Json;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Data.Stores;

/// <summary>The JSON text columns: string lists and SIP traces.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string FromList(IReadOnlyList<string> values) => values.Count == 0 ? "[]" : JsonSerializer.Serialize(values, Options);

    public static IReadOnlyList<string> ToList(string? json) =>
        string.IsNullOrEmpty(json) || json == "[]" ? [] : JsonSerializer.Deserialize<string[]>(json, Options) ?? [];

    public static string? FromTrace(IReadOnlyList<SipTraceEntry>? trace) => trace is null ? null : JsonSerializer.Serialize(trace, Options);

    public static IReadOnlyList<SipTraceEntry>? ToTrace(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<SipTraceEntry[]>(json, Options);
}
