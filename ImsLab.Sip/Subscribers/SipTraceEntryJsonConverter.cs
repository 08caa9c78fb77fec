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
    // The serializer makes one converter per options instance, so the names under its naming policy are worked out
    // once, not four times for every entry of every event-log row.
    private PropertyNames? _names;

    public override SipTraceEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A SIP trace entry is a JSON object.");
        }

        var names = NamesFor(options);
        SipTraceDirection direction = default;
        DateTimeOffset at = default;
        string? remote = null;
        string? text = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (names.Is(name, names.Direction))
            {
                direction = JsonSerializer.Deserialize<SipTraceDirection>(ref reader, options);
            }
            else if (names.Is(name, names.At))
            {
                at = JsonSerializer.Deserialize<DateTimeOffset>(ref reader, options);
            }
            else if (names.Is(name, names.Remote))
            {
                remote = reader.GetString();
            }
            else if (names.Is(name, names.Text))
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
        var names = NamesFor(options);
        writer.WriteStartObject();
        writer.WritePropertyName(names.Direction);
        JsonSerializer.Serialize(writer, value.Direction, options);
        writer.WritePropertyName(names.At);
        JsonSerializer.Serialize(writer, value.At, options);
        writer.WriteString(names.Remote, value.Remote);
        if (value.HoldsOctets)
        {
            writer.WriteString(names.Text, value.Octets);
        }
        else
        {
            writer.WriteString(names.Text, value.Text);
        }

        writer.WriteEndObject();
    }

    private PropertyNames NamesFor(JsonSerializerOptions options)
    {
        var names = _names;
        if (names is null || !ReferenceEquals(names.Options, options))
        {
            _names = names = new PropertyNames(options);
        }

        return names;
    }

    /// <summary>The four property names under one options instance's naming policy, encoded once.</summary>
    private sealed class PropertyNames(JsonSerializerOptions options)
    {
        public JsonSerializerOptions Options { get; } = options;

        public JsonEncodedText Direction { get; } = Encode(nameof(SipTraceEntry.Direction), options);

        public JsonEncodedText At { get; } = Encode(nameof(SipTraceEntry.At), options);

        public JsonEncodedText Remote { get; } = Encode(nameof(SipTraceEntry.Remote), options);

        public JsonEncodedText Text { get; } = Encode(nameof(SipTraceEntry.Text), options);

        public bool Is(string? name, JsonEncodedText property) =>
            string.Equals(name, property.Value, Options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        private static JsonEncodedText Encode(string property, JsonSerializerOptions options) =>
            JsonEncodedText.Encode(options.PropertyNamingPolicy?.ConvertName(property) ?? property, options.Encoder);
    }
}
