using System.Text;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Parsing;
using ImsLab.Tests.Sip.Parsing;

namespace ImsLab.Tests.Sip.Messages;

public sealed class SipResponseTests
{
    private static SipRequest Register() =>
        (SipRequest)SipMessageParser.Parse(Encoding.UTF8.GetBytes(SipMessageParserTests.ImsRegister), SipParserLimits.Default).Message!;

    [Fact]
    public void CreateForCopiesViasFromToCallIdAndCSeqWithoutAddingATag()
    {
        var request = Register();
        request.Headers.Add("Via", "SIP/2.0/TCP second.example.com;branch=z9hG4bK2");

        var response = SipResponse.CreateFor(request, 401);

        Assert.Equal(401, response.StatusCode);
        Assert.Equal("Unauthorized", response.ReasonPhrase);
        Assert.Equal(request.Headers.GetAll("Via"), response.Headers.GetAll("Via"));
        Assert.Equal(request.From, response.From);
        Assert.Null(response.To!.Tag);
        Assert.Equal(request.CallId, response.CallId);
        Assert.Equal(request.CSeq, response.CSeq);
        Assert.False(response.Headers.Contains("Contact"));
        Assert.False(response.Headers.Contains("Authorization"));
    }

    [Fact]
    public void CreateForWritesTheCopiedLinesUnderTheirLongNamesWithTheReceivedValues()
    {
        var request = (SipRequest)SipMessageParser.Parse(Encoding.UTF8.GetBytes(
            "OPTIONS sip:ims.lab SIP/2.0\r\nv: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKc1\r\nf: \"Zo\u00eb\" <sip:zoe@ims.lab>;tag=1\r\n" +
            "t: <sip:ims.lab>\r\ni: c1@10.0.0.1\r\nCSeq: 7 OPTIONS\r\nl: 0\r\n\r\n"), SipParserLimits.Default).Message!;

        var text = Encoding.UTF8.GetString(SipResponse.CreateFor(request, 200).ToBytes());

        Assert.Contains("\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKc1\r\n", text);
        Assert.Contains("\r\nFrom: \"Zo\u00eb\" <sip:zoe@ims.lab>;tag=1\r\n", text);
        Assert.Contains("\r\nTo: <sip:ims.lab>\r\n", text);
        Assert.Contains("\r\nCall-ID: c1@10.0.0.1\r\n", text);
        Assert.Contains("\r\nCSeq: 7 OPTIONS\r\n", text);
    }

    [Fact]
    public void ResponseSerializesWithStatusLineAndComputedContentLength()
    {
        var response = SipResponse.CreateFor(Register(), 200);
        response.Headers.Add("Service-Route", "<sip:orig@scscf.example.com;lr>");
        response.Body = "hello"u8.ToArray();

        var text = Encoding.UTF8.GetString(response.ToBytes());

        Assert.StartsWith("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776asdhds;rport\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("Service-Route: <sip:orig@scscf.example.com;lr>\r\nContent-Length: 5\r\n\r\nhello", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, "Trying")]
    [InlineData(183, "Session Progress")]
    [InlineData(423, "Interval Too Brief")]
    [InlineData(494, "Security Agreement Required")]
    [InlineData(505, "Version Not Supported")]
    [InlineData(499, "Client Error")]
    public void DefaultReasonPhrasesComeFromTheRfcTable(int code, string reason) => Assert.Equal(reason, new SipResponse(code).ReasonPhrase);

    [Theory]
    [InlineData(99)]
    [InlineData(700)]
    public void StatusCodesOutsideTheRangeAreProgrammerErrors(int code) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipResponse(code));

    [Fact]
    public void RequestConstructorRejectsANonTokenMethod() =>
        Assert.Throws<ArgumentException>(() => new SipRequest("REG ISTER", SipUri.Parse("sip:example.com")));
}
