using ImsLab.Sip.Messages;
using ImsLab.Sip.Parsing;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Sip.Parsing;

public sealed class Rfc4475TortureTests
{
    public static TheoryData<string> Files => new(TortureCorpus.Rfc4475.Keys.Order(StringComparer.Ordinal));

    private static SipParseResult Parse(string file) => SipMessageParser.Parse(TortureCorpus.ReadRfc4475(file), SipParserLimits.Default);

    private static SipRequest Request(string file)
    {
        var result = Parse(file);
        Assert.True(result.Success, result.ToString());
        return Assert.IsType<SipRequest>(result.Message);
    }

    [Fact]
    public void EveryCorpusFileHasAnExpectation()
    {
        Assert.Equal(49, TortureCorpus.Rfc4475.Count);
        Assert.Equal(TortureCorpus.Rfc4475.Keys.Order(StringComparer.Ordinal), TortureCorpus.Rfc4475FilesOnDisk());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ParserGivesTheExpectedOutcome(string file)
    {
        var (error, status) = TortureCorpus.Rfc4475[file];

        var result = Parse(file);

        Assert.Equal(error, result.Error);
        Assert.Equal(status, result.SuggestedStatusCode);
        Assert.Equal(error == SipParseError.None, result.Success);
        if (status != 0)
        {
            Assert.NotNull(result.RespondableRequest);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryValueTheParserValidatedIsBuiltOnFirstRead(string file)
    {
        // The parser checks Via, From, To and Contact without building them; the accessors build them later from the
        // same text. Nothing it accepted may then read as missing or be skipped as malformed.
        var result = Parse(file);
        if (!result.Success)
        {
            return;
        }

        var message = result.Message;
        Assert.NotNull(message.From);
        Assert.NotNull(message.To);
        Assert.Equal(CommaSeparatedValues(message, SipHeaderNames.Via), message.Vias.Count);
        Assert.Equal(CommaSeparatedValues(message, SipHeaderNames.Contact), message.Contacts.Count + (message.HasWildcardContact ? 1 : 0));
    }

    private static int CommaSeparatedValues(SipMessage message, string header)
    {
        var parts = new List<string>();
        foreach (var line in message.Headers.GetAll(header))
        {
            Assert.True(SipGrammar.TrySplitCommas(line, parts));
        }

        return parts.Count;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void RespondableRequestsYieldAResponseCarryingTheirViaAndCSeq(string file)
    {
        var result = Parse(file);
        if (result.RespondableRequest is not { } request)
        {
            return;
        }

        var response = SipResponse.CreateFor(request, result.SuggestedStatusCode);

        Assert.Equal(request.Headers.CountOf(SipHeaderNames.Via), response.Headers.CountOf(SipHeaderNames.Via));
        Assert.Equal(request.Headers.GetFirst(SipHeaderNames.CSeq), response.Headers.GetFirst(SipHeaderNames.CSeq));
        Assert.True(SipMessageParser.Parse(response.ToBytes(), SipParserLimits.Default).Error is SipParseError.None or SipParseError.MissingRequiredHeader
            or SipParseError.InvalidVia or SipParseError.InvalidFromOrTo or SipParseError.InvalidCSeq or SipParseError.DuplicateSingleValueHeader);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ValidMessagesSurviveASerializationRoundTrip(string file)
    {
        var first = Parse(file);
        if (!first.Success)
        {
            return;
        }

        var second = SipMessageParser.Parse(first.Message.ToBytes(), SipParserLimits.Default);

        Assert.True(second.Success, second.ToString());
        Assert.Equal(first.Message.ToString(), second.Message.ToString());
        Assert.Equal(first.Message.Headers.Where(h => !IsContentLength(h)).Select(h => h.Value), second.Message.Headers.Where(h => !IsContentLength(h)).Select(h => h.Value));
        Assert.Equal(first.Message.Vias.Select(v => v.ToString()), second.Message.Vias.Select(v => v.ToString()));
        Assert.Equal(first.Message.From!.ToString(), second.Message.From!.ToString());
        Assert.Equal(first.Message.CSeq, second.Message.CSeq);
        Assert.Equal(first.Message.Body.ToArray(), second.Message.Body.ToArray());

        static bool IsContentLength(SipHeader h) => SipHeaderNames.Canonicalize(h.Name) == SipHeaderNames.ContentLength;
    }

    [Fact]
    public void WsinvUnfoldsHeadersAndReadsBothViaBranches()
    {
        var request = Request("wsinv.dat");

        Assert.Equal("INVITE", request.Method);
        Assert.Equal(["390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239"], request.Vias.Select(v => v.Branch));
        Assert.Equal(["UDP", "TCP", "UDP"], request.Vias.Select(v => v.Transport));
        Assert.Equal("192.168.255.111", request.Vias[2].Host);
        Assert.Equal(new SipCSeq(9, "INVITE"), request.CSeq);
        Assert.Equal(68, request.MaxForwards);
        Assert.Equal("1918181833n", request.To!.Tag);
        Assert.Equal("98asjd8", request.From!.Tag);
        Assert.Equal("J Rosenberg \\\"", request.From.DisplayName);
        Assert.Equal("newfangled value continued newfangled value", request.Headers.GetFirst("NewFangledHeader"));
        Assert.Equal(";;,,;;,;", request.Headers.GetFirst("UnknownHeaderWithUnusualValue"));
        Assert.Equal(string.Empty, request.Headers.GetFirst(SipHeaderNames.Subject));
        var contact = Assert.Single(request.Contacts);
        Assert.Equal("Quoted string \"\"", contact.DisplayName);
        Assert.Equal("newvalue", contact.Parameters.Get("newparam"));
        Assert.Equal(0.33f, contact.Q);
        Assert.Equal(150, request.Body.Length);
    }

    [Fact]
    public void IntmethKeepsTheWholeMethodAndTheNulInTheDisplayName()
    {
        var request = Request("intmeth.dat");

        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", request.Method);
        Assert.Equal(request.Method, request.CSeq!.Value.Method);
        Assert.Equal("BEL:\a NUL:\0 DEL:\u007f", request.To!.DisplayName);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", request.RequestUri.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", request.RequestUri.Password);
        Assert.Equal("z9hG4bK-.!%66*_+`'~", request.TopVia!.Branch);
        Assert.Equal("_token~1'+`*%!-.", request.From!.Tag);
        Assert.Equal("\"ѐаб߀ђающаи\"".Length, request.From.Parameters.Get("fromParam''~+*_!.-%")!.Length);
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", request.CallId);
    }

    [Fact]
    public void LongreqKeepsLongTagsAndCallId()
    {
        var request = Request("longreq.dat");

        Assert.Equal(155, request.From!.Tag!.Length);
        Assert.EndsWith("982424", request.From.Tag, StringComparison.Ordinal);
        Assert.Equal(6000, request.To!.Uri.Port);
        Assert.Equal(34, request.Vias.Count);
        Assert.Equal(141, request.CallId!.Length);
        Assert.EndsWith("reallylongcallid", request.CallId, StringComparison.Ordinal);
        Assert.StartsWith("I have a user name of extreme", request.To.DisplayName, StringComparison.Ordinal);
    }

    [Fact]
    public void EscnullKeepsTheEscapedNulAndTwoDistinctContacts()
    {
        var request = Request("escnull.dat");

        Assert.Equal("null-%00-null", request.To!.Uri.User);
        Assert.Equal(["%00", "%00%00"], request.Contacts.Select(c => c.Uri.User));
        Assert.NotEqual(request.Contacts[0].Uri, request.Contacts[1].Uri);
    }

    [Fact]
    public void Esc02MethodIsNotRegister()
    {
        var request = Request("esc02.dat");

        Assert.Equal("RE%47IST%45R", request.Method);
    }

    [Fact]
    public void Esc01UriEscapesCompareEqualToTheirCharacters()
    {
        var request = Request("esc01.dat");

        Assert.Equal(SipUri.Parse("sip:user@example.com"), request.To!.Uri);
        Assert.Equal("sips%3Auser%40example.com", request.RequestUri.User);
        Assert.Equal("application/sdp", request.ContentType);
    }

    [Fact]
    public void SemiuriUserPartHoldsTheSemicolon()
    {
        var request = Request("semiuri.dat");

        Assert.Equal("user;par=u%40example.net", request.RequestUri.User);
        Assert.Equal("example.com", request.RequestUri.Host);
        Assert.Equal(0, request.RequestUri.Parameters.Count);
    }

    [Fact]
    public void DblreqIgnoresTheOctetsAfterTheFirstRequest()
    {
        var request = Request("dblreq.dat");

        Assert.Equal("REGISTER", request.Method);
        Assert.True(request.Body.IsEmpty);
    }

    [Fact]
    public void TransportsKeepsUnknownTransportAsWritten()
    {
        var request = Request("transports.dat");

        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], request.Vias.Select(v => v.Transport));
    }

    [Fact]
    public void Mpart01FramesTheBinaryBodyByContentLength()
    {
        var request = Request("mpart01.dat");

        Assert.Equal(request.ContentLength, request.Body.Length);
        Assert.Contains((byte)0, request.Body.ToArray());
    }

    [Fact]
    public void UnreasonAndNoreasonKeepTheirReasonPhrases()
    {
        var unusual = Assert.IsType<SipResponse>(Parse("unreason.dat").Message);
        var empty = Assert.IsType<SipResponse>(Parse("noreason.dat").Message);

        Assert.Equal(200, unusual.StatusCode);
        Assert.StartsWith("= 2**3 * 5**2 но сто девяносто девять", unusual.ReasonPhrase, StringComparison.Ordinal);
        Assert.Equal(100, empty.StatusCode);
        Assert.Equal(string.Empty, empty.ReasonPhrase);
    }

    [Fact]
    public void UnknownSchemesParseAsOpaqueUris()
    {
        Assert.Equal("nobodyknowsthisscheme", Request("unkscm.dat").RequestUri.Scheme);
        Assert.Equal("soap.beep", Request("novelsc.dat").RequestUri.Scheme);
        var unksm2 = Request("unksm2.dat");
        Assert.Equal("isbn", unksm2.To!.Uri.Scheme);
        Assert.False(unksm2.To.Uri.IsSip);
    }

    [Fact]
    public void CparamContactParameterIsNotAUriParameter()
    {
        var withoutBrackets = Assert.Single(Request("cparam01.dat").Contacts);
        var withBrackets = Assert.Single(Request("cparam02.dat").Contacts);

        Assert.False(withoutBrackets.Uri.Parameters.Contains("unknownparam"));
        Assert.True(withoutBrackets.Parameters.Contains("unknownparam"));
        Assert.True(withBrackets.Uri.Parameters.Contains("unknownparam"));
        Assert.False(withBrackets.Parameters.Contains("unknownparam"));
    }

    [Fact]
    public void RegescrtKeepsTheEscapedUriHeader()
    {
        var contact = Assert.Single(Request("regescrt.dat").Contacts);

        Assert.Equal("%3Csip:sip.example.com%3E", contact.Uri.Headers.Get("Route"));
        Assert.EndsWith("?Route=%3Csip:sip.example.com%3E", contact.Uri.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ZeromfReadsMaxForwardsZero() => Assert.Equal(0, Request("zeromf.dat").MaxForwards);

    [Fact]
    public void InsufStillYieldsARespondableRequestWithItsViaAndCSeq()
    {
        var result = Parse("insuf.dat");

        Assert.NotNull(result.RespondableRequest);
        Assert.Equal("z9hG4bKkdj.insuf", result.RespondableRequest.TopVia!.Branch);
        Assert.Null(result.RespondableRequest.From);
        Assert.Equal(new SipCSeq(193942, "INVITE"), result.RespondableRequest.CSeq);
    }

    [Fact]
    public void BaddnWithAClosedHeaderSectionIsRejectedForItsDisplayName()
    {
        var bytes = TortureCorpus.ReadRfc4475("baddn.dat").Concat("\r\n"u8.ToArray()).ToArray();

        var result = SipMessageParser.Parse(bytes, SipParserLimits.Default);

        Assert.Equal(SipParseError.InvalidFromOrTo, result.Error);
        Assert.Equal(400, result.SuggestedStatusCode);
    }
}
