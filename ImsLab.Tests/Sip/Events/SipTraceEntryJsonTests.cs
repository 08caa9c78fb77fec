using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Tests.Sip.Events;

public sealed class SipTraceEntryJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 11, 41, 7, TimeSpan.Zero);
    private const string Register = "REGISTER sip:ims.example.org SIP/2.0\r\nTo: \"Ünïcode\" <sip:alice@ims.example.org>\r\n\r\n";

    [Fact]
    public void AnEntryHoldingOctetsWritesTheSameJsonAsOneHoldingText()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var fromText = new SipTraceEntry(SipTraceDirection.Received, At, "192.0.2.1:5060/UDP", Register);
        var fromOctets = new SipTraceEntry(SipTraceDirection.Received, At, "192.0.2.1:5060/UDP", Encoding.UTF8.GetBytes(Register).AsMemory());

        Assert.Equal(JsonSerializer.Serialize(fromText, options), JsonSerializer.Serialize(fromOctets, options));
        Assert.Equal(Register, fromOctets.Text);
    }

    [Fact]
    public void JsonFollowsTheOptionsNamingAndEnumConvertersAndReadsBack()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        var entry = new SipTraceEntry(SipTraceDirection.Sent, At, "[2001:db8::1]:5060/TCP", Encoding.UTF8.GetBytes(Register).AsMemory());

        var json = JsonSerializer.Serialize(new[] { entry }, options);
        var read = JsonSerializer.Deserialize<SipTraceEntry[]>(json, options)!.Single();

        using var document = JsonDocument.Parse(json);
        var element = document.RootElement[0];
        Assert.Equal("Sent", element.GetProperty("direction").GetString());
        Assert.Equal(Register, element.GetProperty("text").GetString());
        Assert.Equal((SipTraceDirection.Sent, At, "[2001:db8::1]:5060/TCP", Register), (read.Direction, read.At, read.Remote, read.Text));
    }

    [Fact]
    public void WithoutAnEnumConverterTheDirectionIsANumber()
    {
        var json = JsonSerializer.Serialize(new SipTraceEntry(SipTraceDirection.Sent, At, "r", "t"), new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.StartsWith("{\"direction\":1,\"at\":", json, StringComparison.Ordinal);
    }
}
