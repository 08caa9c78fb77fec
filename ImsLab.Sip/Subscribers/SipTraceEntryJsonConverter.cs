using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImsLab.Sip.Subscribers;

/// <summary>
/// Writes and reads a <see cref="SipTraceEntry"/> as {direction, at, remote, text}, as a record with those four
/// properties would be, honouring the options' naming policy and converters (the REST API writes enums as names,
/// the event log as numbers). The text of an entry holding octets is written from them without a string in between.
/// </summary>
internal sealed class SipTraceEntryJsonConverter : JsonConverter<SipTraceEntry>
{
    public override SipTraceEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A SIP trace entry is a JSON object.");
        }

        SipTraceDirection direction = default;
        DateTimeOffset at = default;
        string? remote = null;
        string? text = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (Is(name, nameof(SipTraceEntry.Direction), options))
            {
                direction = JsonSerializer.Deserialize<SipTraceDirection>(ref reader, options);
            }
            else if (Is(name, nameof(SipTraceEntry.At), options))
            {
                at = JsonSerializer.Deserialize<DateTimeOffset>(ref reader, options);
            }
            else if (Is(name, nameof(SipTraceEntry.Remote), options))
            {
                remote = reader.GetString();
            }
            else if (Is(name, nameof(SipTraceEntry.Text), options))
            {
                text = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return new SipTraceEntry(direction, at, remote ?? string.Empty, text ?? string.Empty);
    }

    public override void Write(Utf8JsonWriter writer, SipTraceEntry value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(Name(nameof(SipTraceEntry.Direction), options));
        JsonSerializer.Serialize(writer, value.Direction, options);
        writer.WritePropertyName(Name(nameof(SipTraceEntry.At), options));
        JsonSerializer.Serialize(writer, value.At, options);
        writer.WriteString(Name(nameof(SipTraceEntry.Remote), options), value.Remote);
        if (value.HoldsOctets)
        {
            writer.WriteString(Name(nameof(SipTraceEntry.Text), options), value.Octets);
        }
        else
        {
            writer.WriteString(Name(nameof(SipTraceEntry.Text), options), value.Text);
        }

        writer.WriteEndObject();
    }

    private static string Name(string property, JsonSerializerOptions options) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;

    private static bool Is(string? name, string property, JsonSerializerOptions options) =>
        string.Equals(name, Name(property, options), options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
