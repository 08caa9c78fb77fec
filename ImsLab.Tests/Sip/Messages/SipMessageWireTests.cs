using System.Text;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Parsing;

namespace ImsLab.Tests.Sip.Messages;

public sealed class SipMessageWireTests
{
    private const string Register =
        "REGISTER sip:ims.example.org SIP/2.0\r\n" +
        "via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1\r\n" +
        "f: <sip:alice@ims.example.org>;tag=1\r\n" +
        "t: <sip:alice@ims.example.org>\r\n" +
        "i: wire-1\r\n" +
        "CSeq: 1 REGISTER\r\n" +
        "l: 4\r\n\r\nbody";

    [Fact]
    public void AReceivedMessageKeepsTheOctetsItArrivedInWithoutLeadingLineEndsOrTrailingBytes()
    {
        var message = SipMessageParser.Parse(Encoding.UTF8.GetBytes("\r\n" + Register + "junk"), SipParserLimits.Default).Message!;

        // Compact forms and the lower-case name stay as received: a trace shows the wire, not a re-serialization.
        Assert.Equal(Register, Encoding.UTF8.GetString(message.Wire.Span));
    }

    [Fact]
    public void AMessageBuiltHereIsSerializedOnceAndReusedUntilItChanges()
    {
        var request = new SipRequest("OPTIONS", SipUri.Parse("sip:bob@ims.example.org"));
        request.Headers.Add("Call-ID", "wire-2");
        Assert.True(request.Wire.IsEmpty);

        var first = request.WireBytes();
        Assert.Equal(request.ToBytes(), first);
        Assert.Same(first, request.WireBytes());

        request.Headers.Add("Max-Forwards", "70");
        var changed = request.WireBytes();
        Assert.NotSame(first, changed);
        Assert.Contains("Max-Forwards: 70", Encoding.UTF8.GetString(changed));

        request.Body = "x"u8.ToArray();
        Assert.Contains("\r\n\r\nx", Encoding.UTF8.GetString(request.WireBytes()));
    }
}
