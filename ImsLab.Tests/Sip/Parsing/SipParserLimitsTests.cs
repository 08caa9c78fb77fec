using System.Text;
using ImsLab.Sip.Parsing;

namespace ImsLab.Tests.Sip.Parsing;

public sealed class SipParserLimitsTests
{
    private static SipParseResult Parse(string text, SipParserLimits limits) => SipMessageParser.Parse(Encoding.UTF8.GetBytes(text), limits);

    [Fact]
    public void MessageLargerThanTheLimitIsRejectedWith413()
    {
        var result = Parse(SipMessageParserTests.ImsRegister, new SipParserLimits(MaxMessageBytes: 300));

        Assert.Equal(SipParseError.MessageTooLarge, result.Error);
        Assert.Equal(413, result.SuggestedStatusCode);
        Assert.Equal("z9hG4bK776asdhds", result.RespondableRequest!.TopVia!.Branch);
    }

    [Fact]
    public void TooManyHeadersIsRejectedWith400()
    {
        var result = Parse(SipMessageParserTests.ImsRegister, new SipParserLimits(MaxHeaderCount: 5));

        Assert.Equal(SipParseError.TooManyHeaders, result.Error);
        Assert.Equal(400, result.SuggestedStatusCode);
        Assert.NotNull(result.RespondableRequest);
    }

    [Fact]
    public void HeaderLineLongerThanTheLimitIsRejectedWith400()
    {
        var text = SipMessageParserTests.ImsRegister.Replace("User-Agent: ImsLab UE", "User-Agent: " + new string('x', 200), StringComparison.Ordinal);

        var result = Parse(text, new SipParserLimits(MaxHeaderLineBytes: 190));

        Assert.Equal(SipParseError.HeaderLineTooLong, result.Error);
        Assert.Equal(400, result.SuggestedStatusCode);
    }

    [Fact]
    public void FoldedLinesCountTowardsTheLineLimit()
    {
        var text = SipMessageParserTests.ImsRegister.Replace("User-Agent: ImsLab UE", "User-Agent: a\r\n " + new string('x', 100) + "\r\n " + new string('y', 100), StringComparison.Ordinal);

        Assert.Equal(SipParseError.HeaderLineTooLong, Parse(text, new SipParserLimits(MaxHeaderLineBytes: 150)).Error);
        Assert.True(Parse(text, SipParserLimits.Default).Success);
    }

    [Fact]
    public void OverlongStartLineIsDropped()
    {
        var text = "OPTIONS sip:" + new string('a', 300) + "@example.com SIP/2.0\r\n\r\n";

        var result = Parse(text, new SipParserLimits(MaxHeaderLineBytes: 100));

        Assert.Equal(SipParseError.HeaderLineTooLong, result.Error);
        Assert.Equal(0, result.SuggestedStatusCode);
    }
}
