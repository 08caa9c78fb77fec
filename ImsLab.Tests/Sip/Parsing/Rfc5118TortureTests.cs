using ImsLab.Sip.Messages;
using ImsLab.Sip.Parsing;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Sip.Parsing;

public sealed class Rfc5118TortureTests
{
    public static TheoryData<string> Files => new(TortureCorpus.Rfc5118.Keys.Order(StringComparer.Ordinal));

    private static SipMessage Parse(string file)
    {
        var result = SipMessageParser.Parse(TortureCorpus.ReadRfc5118Wire(file), SipParserLimits.Default);
        Assert.True(result.Success, result.ToString());
        return result.Message;
    }

    [Fact]
    public void EveryWireFileHasAnExpectation() =>
        Assert.Equal(TortureCorpus.Rfc5118.Keys.Order(StringComparer.Ordinal), TortureCorpus.Rfc5118WireFilesOnDisk());

    [Theory]
    [MemberData(nameof(Files))]
    public void ParserGivesTheExpectedOutcome(string file)
    {
        var (error, status) = TortureCorpus.Rfc5118[file];

        var result = SipMessageParser.Parse(TortureCorpus.ReadRfc5118Wire(file), SipParserLimits.Default);

        Assert.Equal(error, result.Error);
        Assert.Equal(status, result.SuggestedStatusCode);
    }

    [Fact]
    public void Ipv6GoodKeepsBracketsInRequestUriViaAndContact()
    {
        var request = (SipRequest)Parse("ipv6-good.sip");

        Assert.Equal("[2001:db8::10]", request.RequestUri.Host);
        Assert.Equal("2001:db8::10", request.RequestUri.HostWithoutBrackets);
        Assert.Equal("[2001:db8::9:1]", request.TopVia!.Host);
        Assert.Equal("[2001:db8::1]", request.Contacts[0].Uri.Host);
    }

    [Fact]
    public void AmbiguousPortIsPartOfTheAddress()
    {
        var request = (SipRequest)Parse("port-ambiguous.sip");

        Assert.Equal("[2001:db8::10:5070]", request.RequestUri.Host);
        Assert.Null(request.RequestUri.Port);
    }

    [Fact]
    public void UnambiguousPortFollowsTheBracket()
    {
        var request = (SipRequest)Parse("port-unambiguous.sip");

        Assert.Equal("[2001:db8::10]", request.RequestUri.Host);
        Assert.Equal(5070, request.RequestUri.Port);
    }

    [Theory]
    [InlineData("via-received-param-with-delim.sip", "[2001:db8::9:255]")]
    [InlineData("via-received-param-no-delim.sip", "2001:db8::9:255")]
    public void ReceivedParameterIsReadWithOrWithoutBrackets(string file, string received) =>
        Assert.Equal(received, Parse(file).TopVia!.Received);

    [Fact]
    public void MixedFamilyViasAllParse()
    {
        var vias = Parse("mult-ip-in-header.sip").Vias;

        Assert.Equal(["[2001:db8::9:1]", "192.0.2.1", "[2001:db8::9:255]"], vias.Select(v => v.Host));
        Assert.Equal(6050, vias[0].Port);
        Assert.Equal("192.0.2.200", vias[2].Received);
    }

    [Fact]
    public void Ipv4MappedAddressesParse()
    {
        var message = Parse("ipv4-mapped-ipv6.sip");

        Assert.Equal("[::ffff:192.0.2.10]", message.TopVia!.Host);
        Assert.Equal(19823, message.TopVia.Port);
        Assert.Equal("[::ffff:192.0.2.2]", message.Contacts[0].Uri.Host);
    }

    [Theory]
    [InlineData("ipv6-bug-abnf-3-colons.sip", "[2001:db8:::192.0.2.1]")]
    [InlineData("ipv6-correct-abnf-2-colons.sip", "[2001:db8::192.0.2.1]")]
    public void BothColonFormsOfTheAbnfBugAreTolerated(string file, string host) =>
        Assert.Equal(host, ((SipRequest)Parse(file)).RequestUri.Host);

    [Fact]
    public void SdpBodiesAreFramedByContentLength()
    {
        var message = Parse("ipv6-in-sdp.sip");

        Assert.Equal(message.ContentLength, message.Body.Length);
        Assert.Contains("IN IP6 2001:db8::20", System.Text.Encoding.ASCII.GetString(message.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void ArchiveFilesWithBareLineFeedsAreToleratedWhenTheirHeaderSectionIsClosed()
    {
        var message = SipMessageParser.Parse(TortureCorpus.ReadRfc5118Archive("ipv6-good"), SipParserLimits.Default);

        Assert.True(message.Success, message.ToString());
        Assert.Equal("z9hG4bKas3-111", message.Message.TopVia!.Branch);
    }
}
