using System.Text;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Parsing;

namespace ImsLab.Tests.Sip.Parsing;

public sealed class SipMessageParserTests
{
    internal const string ImsRegister =
        "REGISTER sip:ims.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:alice@ims.example.com>;tag=49583\r\n" +
        "To: <sip:alice@ims.example.com>\r\n" +
        "Call-ID: 843817637684230@10.0.0.5\r\n" +
        "CSeq: 1826 REGISTER\r\n" +
        "Contact: <sip:alice@10.0.0.5:5060>;expires=600000;+sip.instance=\"<urn:gsma:imei:35209900-176148-1>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";+g.3gpp.smsip;video;reg-id=1;q=0.5\r\n" +
        "Authorization: Digest username=\"alice@ims.example.com\",realm=\"ims.example.com\",nonce=\"\",uri=\"sip:ims.example.com\",response=\"\"\r\n" +
        "Supported: path, gruu,sec-agree\r\n" +
        "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=001010001000019B\r\n" +
        "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1111;spi-s=2222;port-c=5062;port-s=5064\r\n" +
        "User-Agent: ImsLab UE\r\n" +
        "Expires: 600000\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n";

    private static SipParseResult Parse(string text) => SipMessageParser.Parse(Encoding.UTF8.GetBytes(text), SipParserLimits.Default);

    [Fact]
    public void ParserReadsAnImsRegisterWithTypedHeaders()
    {
        var result = Parse(ImsRegister);

        Assert.True(result.Success, result.ToString());
        var request = Assert.IsType<SipRequest>(result.Message);
        Assert.Equal("REGISTER", request.Method);
        Assert.Equal("sip:ims.example.com", request.RequestUri.ToString());
        Assert.Equal("z9hG4bK776asdhds", request.TopVia!.Branch);
        Assert.True(request.TopVia.HasRport);
        Assert.Null(request.TopVia.Rport);
        Assert.Equal("10.0.0.5", request.TopVia.Host);
        Assert.Equal(5060, request.TopVia.Port);
        Assert.Equal("49583", request.From!.Tag);
        Assert.Null(request.To!.Tag);
        Assert.Equal("843817637684230@10.0.0.5", request.CallId);
        Assert.Equal(new SipCSeq(1826, "REGISTER"), request.CSeq);
        Assert.Equal(70, request.MaxForwards);
        Assert.Equal(600000, request.Expires);
        Assert.Equal(0, request.ContentLength);
        var contact = Assert.Single(request.Contacts);
        Assert.Equal(600000, contact.Expires);
        Assert.Equal("urn:gsma:imei:35209900-176148-1", contact.InstanceId);
        Assert.Equal(1, contact.RegId);
        Assert.Equal(0.5f, contact.Q);
        Assert.Equal(["+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\"", "+g.3gpp.smsip", "video"], contact.FeatureTags);
        Assert.False(request.HasWildcardContact);
        Assert.True(request.Body.IsEmpty);
    }

    [Fact]
    public void SerializedRegisterParsesBackToTheSameValues()
    {
        var first = (SipRequest)Parse(ImsRegister).Message!;

        var again = SipMessageParser.Parse(first.ToBytes(), SipParserLimits.Default);

        Assert.True(again.Success, again.ToString());
        var second = (SipRequest)again.Message!;
        Assert.Equal(first.Headers.Select(h => h.Value), second.Headers.Select(h => h.Value));
        Assert.Equal(first.RequestUri, second.RequestUri);
        Assert.Equal(first.Contacts[0].ToString(), second.Contacts[0].ToString());
    }

    [Fact]
    public void CrlfsBeforeTheStartLineAreIgnored() => Assert.True(Parse("\r\n\r\n" + ImsRegister).Success);

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    public void EmptyInputIsDroppedSilently(string text)
    {
        var result = Parse(text);

        Assert.Equal(SipParseError.EmptyMessage, result.Error);
        Assert.Equal(0, result.SuggestedStatusCode);
        Assert.Null(result.RespondableRequest);
    }

    [Theory]
    [InlineData("hello world\r\n\r\n")]
    [InlineData("\u0016\u0003\u0001 garbage")]
    [InlineData("REG ISTER")]
    public void GarbageIsDroppedWithoutARespondableRequest(string text)
    {
        var result = Parse(text);

        Assert.False(result.Success);
        Assert.Equal(0, result.SuggestedStatusCode);
        Assert.Null(result.RespondableRequest);
    }

    [Fact]
    public void DatagramWithoutContentLengthTakesTheRestAsBody()
    {
        var result = Parse(ImsRegister.Replace("Content-Length: 0\r\n", string.Empty, StringComparison.Ordinal) + "abc");

        Assert.True(result.Success, result.ToString());
        Assert.Equal("abc"u8.ToArray(), result.Message.Body.ToArray());
        Assert.Null(result.Message.ContentLength);
    }

    [Fact]
    public void MissingMaxForwardsIsAllowedAndReadAsAbsent()
    {
        var result = Parse(ImsRegister.Replace("Max-Forwards: 70\r\n", string.Empty, StringComparison.Ordinal));

        Assert.True(result.Success, result.ToString());
        Assert.Null(result.Message.MaxForwards);
    }

    [Theory]
    [InlineData("Max-Forwards: 70", "Max-Forwards: 256", SipParseError.InvalidMaxForwards)]
    [InlineData("CSeq: 1826 REGISTER", "CSeq: 4294967296 REGISTER", SipParseError.InvalidCSeq)]
    [InlineData("CSeq: 1826 REGISTER", "CSeq: -1 REGISTER", SipParseError.InvalidCSeq)]
    [InlineData("CSeq: 1826 REGISTER", "CSeq: 1826 register", SipParseError.CSeqMethodMismatch)]
    [InlineData("Content-Length: 0", "Content-Length: zero", SipParseError.InvalidContentLength)]
    [InlineData("Call-ID: 843817637684230@10.0.0.5", "Call-ID: two words", SipParseError.InvalidCallId)]
    [InlineData("Call-ID: 843817637684230@10.0.0.5", "Call-ID:", SipParseError.InvalidCallId)]
    [InlineData("To: <sip:alice@ims.example.com>", "To: <sip:alice@ims.example.com", SipParseError.InvalidFromOrTo)]
    [InlineData("To: <sip:alice@ims.example.com>", "To: <sip:alice@ims.example.com>, <sip:bob@ims.example.com>", SipParseError.InvalidFromOrTo)]
    [InlineData("Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776asdhds;rport", "Via: SIP/2.0 10.0.0.5", SipParseError.InvalidVia)]
    [InlineData("Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776asdhds;rport", "Via: SIP/2.0/UDP 10.0.0.5:99999", SipParseError.InvalidVia)]
    [InlineData("User-Agent: ImsLab UE", "User-Agent ImsLab UE", SipParseError.InvalidHeaderLine)]
    [InlineData("User-Agent: ImsLab UE", "User Agent: ImsLab UE", SipParseError.InvalidHeaderName)]
    public void MalformedRequestsGetTheirReasonAnd400(string original, string replacement, SipParseError error)
    {
        var result = Parse(ImsRegister.Replace(original, replacement, StringComparison.Ordinal));

        Assert.Equal(error, result.Error);
        Assert.Equal(400, result.SuggestedStatusCode);
        Assert.NotNull(result.RespondableRequest);
        Assert.False(string.IsNullOrEmpty(result.ErrorDetail));
    }

    [Fact]
    public void ContinuationLineBeforeAnyHeaderIsInvalidAndUnanswerable()
    {
        var result = Parse(ImsRegister.Replace("SIP/2.0\r\nVia", "SIP/2.0\r\n folded\r\nVia", StringComparison.Ordinal));

        Assert.Equal(SipParseError.InvalidHeaderLine, result.Error);
        Assert.Equal(0, result.SuggestedStatusCode);
    }

    [Fact]
    public void CSeqAtTheUint32MaximumIsAccepted()
    {
        var result = Parse(ImsRegister.Replace("CSeq: 1826", "CSeq: 4294967295", StringComparison.Ordinal));

        Assert.Equal(uint.MaxValue, result.Message!.CSeq!.Value.Number);
    }

    [Fact]
    public void MalformedResponsesAreDroppedSilently()
    {
        var result = Parse("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP a;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: x\r\n\r\n");

        Assert.Equal(SipParseError.MissingRequiredHeader, result.Error);
        Assert.Equal(0, result.SuggestedStatusCode);
        Assert.Null(result.RespondableRequest);
    }

    [Fact]
    public void ResponsesParseWithTheirStatusAndTypedHeaders()
    {
        var result = Parse("SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/UDP a;branch=z9hG4bK1;received=192.0.2.1;rport=5061\r\n" +
                           "From: <sip:a@b>;tag=1\r\nTo: <sip:a@b>;tag=2\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\n" +
                           "WWW-Authenticate: Digest realm=\"b\", nonce=\"n\", algorithm=AKAv1-MD5\r\nContent-Length: 0\r\n\r\n");

        var response = Assert.IsType<SipResponse>(result.Message);
        Assert.Equal(401, response.StatusCode);
        Assert.Equal("Unauthorized", response.ReasonPhrase);
        Assert.Equal("192.0.2.1", response.TopVia!.Received);
        Assert.Equal(5061, response.TopVia.Rport);
        Assert.Equal("2", response.To!.Tag);
        Assert.Equal("Digest realm=\"b\", nonce=\"n\", algorithm=AKAv1-MD5", response.Headers.GetFirst(SipHeaderNames.WwwAuthenticate));
    }

    [Fact]
    public void WildcardContactIsReportedAndNotListed()
    {
        var result = Parse(ImsRegister.Replace(ImsRegister.Split("\r\n")[7], "Contact: *", StringComparison.Ordinal).Replace("Expires: 600000", "Expires: 0", StringComparison.Ordinal));

        Assert.True(result.Success, result.ToString());
        Assert.True(result.Message.HasWildcardContact);
        Assert.Empty(result.Message.Contacts);
    }

    [Fact]
    public void WildcardBesideAnotherContactIsSeenSoTheRegistrarCanRejectIt()
    {
        // RFC 3261 10.3 step 6: "*" with any other Contact is a 400. The parser validates it and the lazy reader must
        // still see the "*", on a parsed message and on one built in code alike.
        var result = Parse(ImsRegister.Replace(ImsRegister.Split("\r\n")[7], "Contact: *, <sip:alice@10.0.0.5>", StringComparison.Ordinal));
        var built = new SipRequest("REGISTER", SipUri.Parse("sip:ims.example.com"));
        built.Headers.Add(SipHeaderNames.Contact, "<sip:alice@10.0.0.5>, *");

        Assert.True(result.Success, result.ToString());
        Assert.True(result.Message.HasWildcardContact);
        Assert.Single(result.Message.Contacts);
        Assert.True(built.HasWildcardContact);
        Assert.Single(built.Contacts);
    }

    [Fact]
    public void ContactListsSplitOnCommasOutsideQuotesAndBrackets()
    {
        var result = Parse(ImsRegister.Replace(ImsRegister.Split("\r\n")[7],
            "Contact: \"Doe, John\" <sip:a@10.0.0.5;x=1>;y=\"1,2\";expires=60, sip:b@10.0.0.6;q=0.1\r\nm: <sip:c@10.0.0.7>", StringComparison.Ordinal));

        Assert.True(result.Success, result.ToString());
        Assert.Equal(["a", "b", "c"], result.Message.Contacts.Select(c => c.Uri.User));
        Assert.Equal("Doe, John", result.Message.Contacts[0].DisplayName);
        Assert.Equal(60, result.Message.Contacts[0].Expires);
        Assert.Equal(0.1f, result.Message.Contacts[1].Q);
    }

    [Fact]
    public void FoldedAndCompactHeadersAreUnfoldedAndFoundByLongName()
    {
        var text = ImsRegister.Replace("User-Agent: ImsLab UE", "user-agent:\r\n  ImsLab\r\n\tUE", StringComparison.Ordinal)
            .Replace("Call-ID: ", "i:   ", StringComparison.Ordinal);

        var result = Parse(text);

        Assert.True(result.Success, result.ToString());
        Assert.Equal("ImsLab UE", result.Message.Headers.GetFirst("User-Agent"));
        Assert.Equal("843817637684230@10.0.0.5", result.Message.CallId);
        Assert.Contains(result.Message.Headers, h => h.Name == "i");
        Assert.Contains("\r\nCall-ID: 843817637684230@10.0.0.5\r\n", Encoding.UTF8.GetString(result.Message.ToBytes()), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownHeadersAreSerializedUnchanged()
    {
        var result = Parse(ImsRegister.Replace("User-Agent: ImsLab UE", "x-WeIrD-Header:  ;;,,\"a,b\"<>  ", StringComparison.Ordinal));

        Assert.Contains("\r\nx-WeIrD-Header: ;;,,\"a,b\"<>\r\n", Encoding.UTF8.GetString(result.Message!.ToBytes()), StringComparison.Ordinal);
    }

    [Fact]
    public void RespondableRequestUsesTheToUriWhenTheRequestUriIsBroken()
    {
        var result = Parse(ImsRegister.Replace("REGISTER sip:ims.example.com SIP/2.0", "REGISTER <sip:ims.example.com> SIP/2.0", StringComparison.Ordinal));

        Assert.Equal(SipParseError.InvalidRequestUri, result.Error);
        Assert.Equal("sip:alice@ims.example.com", result.RespondableRequest!.RequestUri.ToString());
    }
}
