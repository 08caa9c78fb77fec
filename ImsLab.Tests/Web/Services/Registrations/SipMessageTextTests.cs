using ImsLab.Web.Services.Registrations;

namespace ImsLab.Tests.Web.Services.Registrations;

public sealed class SipMessageTextTests
{
    private const string Unauthorized =
        "SIP/2.0 401 Unauthorized\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n" +
        "WWW-Authenticate: Digest realm=\"home1.net\",\r\n" +
        " nonce=\"abc\", algorithm=AKAv1-MD5\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n";

    private const string Notify =
        "NOTIFY sip:ue@127.0.0.1:5070 SIP/2.0\r\n" +
        "Event: reg\r\n" +
        "Content-Length: 12\r\n" +
        "\r\n" +
        "<reginfo/>\r\n";

    [Fact]
    public void HeadersAreSplitIntoNameAndValueAndFoldedLinesKept()
    {
        var lines = SipMessageText.Lines(Unauthorized);

        Assert.Equal(SipMessageLineKind.StartLine, lines[0].Kind);
        Assert.Equal("SIP/2.0 401 Unauthorized", lines[0].Value);
        Assert.Equal(new SipMessageLine(SipMessageLineKind.Header, "WWW-Authenticate", "Digest realm=\"home1.net\","), lines[2]);
        Assert.Equal(SipMessageLineKind.Continuation, lines[3].Kind);
        Assert.Equal(new SipMessageLine(SipMessageLineKind.Header, "Content-Length", "0"), lines[^1]);
    }

    [Fact]
    public void ABodyFollowsOneSeparatorLine()
    {
        var lines = SipMessageText.Lines(Notify);

        Assert.Equal(SipMessageLineKind.Separator, lines[3].Kind);
        Assert.Equal(new SipMessageLine(SipMessageLineKind.Body, "", "<reginfo/>"), lines[4]);
        Assert.Equal(5, lines.Count);
    }

    [Theory]
    [InlineData(Unauthorized, "401 Unauthorized")]
    [InlineData(Notify, "NOTIFY")]
    [InlineData("REGISTER sip:home1.net SIP/2.0\r\n\r\n", "REGISTER")]
    public void TheSummaryIsTheMethodOrTheStatus(string message, string summary) =>
        Assert.Equal(summary, SipMessageText.Summary(message));

    [Fact]
    public void HeaderFindsTheFirstValueWhateverTheCase() =>
        Assert.Equal("reg", SipMessageText.Header(Notify, "event"));
}
