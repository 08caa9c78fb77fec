using ImsLab.Sip.Messages;

namespace ImsLab.Tests.Sip.Messages;

public sealed class SipHeaderListTests
{
    [Theory]
    [InlineData("i", "Call-ID")]
    [InlineData("f", "From")]
    [InlineData("t", "To")]
    [InlineData("v", "Via")]
    [InlineData("m", "Contact")]
    [InlineData("l", "Content-Length")]
    [InlineData("k", "Supported")]
    [InlineData("c", "Content-Type")]
    [InlineData("e", "Content-Encoding")]
    [InlineData("s", "Subject")]
    [InlineData("o", "Event")]
    [InlineData("r", "Refer-To")]
    [InlineData("u", "Allow-Events")]
    [InlineData("x", "Session-Expires")]
    [InlineData("b", "Referred-By")]
    [InlineData("y", "Identity")]
    public void CompactFormsEqualLongForms(string compact, string canonical)
    {
        var headers = new SipHeaderList();
        headers.Add(compact.ToUpperInvariant(), "value");

        Assert.Equal(canonical, SipHeaderNames.Canonicalize(compact));
        Assert.Equal("value", headers.GetFirst(canonical));
        Assert.Equal("value", headers.GetFirst(canonical.ToLowerInvariant()));
        Assert.True(headers.Contains(compact));
        Assert.Equal(compact.ToUpperInvariant(), headers[0].Name);
    }

    [Fact]
    public void GetAllReturnsEveryLineInOrderAcrossNameForms()
    {
        var headers = new SipHeaderList();
        headers.Add("Via", "SIP/2.0/UDP a");
        headers.Add("Max-Forwards", "70");
        headers.Add("v", "SIP/2.0/UDP b");
        headers.Add("VIA", "SIP/2.0/UDP c, SIP/2.0/UDP d");

        Assert.Equal(["SIP/2.0/UDP a", "SIP/2.0/UDP b", "SIP/2.0/UDP c, SIP/2.0/UDP d"], headers.GetAll("via"));
        Assert.Equal(3, headers.CountOf("Via"));
        Assert.Equal(4, headers.Count);
    }

    [Fact]
    public void SetReplacesEveryLineAtThePlaceOfTheFirst()
    {
        var headers = new SipHeaderList();
        headers.Add("Expires", "1");
        headers.Add("To", "<sip:a@b>");
        headers.Add("Expires", "2");

        headers.Set("expires", "3");

        Assert.Equal(["expires", "To"], headers.Select(h => h.Name));
        Assert.Equal("3", headers.GetFirst("Expires"));
    }

    [Fact]
    public void SetAppendsWhenAbsentAndRemoveDropsEveryLine()
    {
        var headers = new SipHeaderList();
        headers.Set("Min-Expires", "60");
        headers.Add("Contact", "<sip:a@b>");
        headers.Add("m", "<sip:c@d>");

        Assert.Equal(2, headers.Remove("Contact"));
        Assert.Equal(0, headers.Remove("Contact"));
        Assert.Equal("60", Assert.Single(headers).Value);
    }

    [Fact]
    public void InsertPutsANewTopVia()
    {
        var headers = new SipHeaderList();
        headers.Add("Via", "SIP/2.0/UDP old");

        headers.Insert(0, "Via", "SIP/2.0/UDP new");

        Assert.Equal("SIP/2.0/UDP new", headers.GetFirst("Via"));
    }

    [Fact]
    public void UnknownHeadersAreFoundCaseInsensitively()
    {
        var headers = new SipHeaderList();
        headers.Add("X-Custom", "1");

        Assert.Equal("1", headers.GetFirst("x-custom"));
        Assert.Null(headers.GetFirst("X-Other"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bad Name")]
    [InlineData("Bad:Name")]
    public void AddRejectsNamesThatAreNotTokens(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => new SipHeaderList().Add(name, "x"));

    [Fact]
    public void TypedAccessorsFollowHeaderChanges()
    {
        var request = new SipRequest("OPTIONS", SipUri.Parse("sip:example.com"));
        request.Headers.Add("Max-Forwards", "70");
        Assert.Equal(70, request.MaxForwards);

        request.Headers.Set("Max-Forwards", "69");

        Assert.Equal(69, request.MaxForwards);
    }

    [Fact]
    public void ParsedLinesKeepTheirWrittenNamesAndValuesWhenLinesAreInsertedAndRemovedAroundThem()
    {
        var headers = Parse(
            "OPTIONS sip:example.com SIP/2.0\r\nv: SIP/2.0/UDP a;branch=z9hG4bK1\r\nX-Lab: one\r\nf: <sip:a@b>;tag=1\r\n" +
            "t: <sip:a@b>\r\ni: c1\r\nCSeq: 1 OPTIONS\r\nx-lab: two\r\n\r\n").Headers;
        Assert.Equal("one", headers.GetFirst("X-LAB"));

        headers.Insert(0, "Via", "SIP/2.0/UDP proxy;branch=z9hG4bK2");
        headers.RemoveAt(2);

        Assert.Equal(["Via", "v", "f", "t", "i", "CSeq", "x-lab"], headers.Select(h => h.Name));
        Assert.Equal(["SIP/2.0/UDP proxy;branch=z9hG4bK2", "SIP/2.0/UDP a;branch=z9hG4bK1"], headers.GetAll("Via"));
        Assert.Equal(["two"], headers.GetAll("X-Lab"));
        Assert.Equal("c1", headers.GetFirst("Call-ID"));
    }

    [Fact]
    public void AListGrowsPastItsFirstCapacityWithoutLosingNamesOrValues()
    {
        var headers = new SipHeaderList();
        for (var i = 0; i < 40; i++)
        {
            headers.Add(i % 2 == 0 ? "X-Line" : "v", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(40, headers.Count);
        Assert.Equal(20, headers.CountOf("Via"));
        Assert.Equal("39", headers.GetAll("via").Last());
        Assert.Equal("X-Line", headers[38].Name);
    }

    [Fact]
    public void AResponseCopiesTheRequestLinesUnderTheirCanonicalNamesAndLaterChangesStayItsOwn()
    {
        var request = Parse(
            "REGISTER sip:example.com SIP/2.0\r\nv: SIP/2.0/UDP a;branch=z9hG4bK1\r\nf: <sip:a@b>;tag=1\r\n" +
            "t: <sip:a@b>\r\ni: c1\r\nCSeq: 1 REGISTER\r\nX-Lab: kept out\r\n\r\n");

        var response = SipResponse.CreateFor(request, 200);
        response.Headers.Set("To", "<sip:a@b>;tag=server");

        Assert.Equal(["Via", "From", "To", "Call-ID", "CSeq"], response.Headers.Select(h => h.Name));
        Assert.Equal("<sip:a@b>;tag=server", response.Headers.GetFirst("t"));
        Assert.Equal("SIP/2.0/UDP a;branch=z9hG4bK1", response.Headers.GetFirst("Via"));
        Assert.Equal("<sip:a@b>", request.Headers.GetFirst("To"));
        Assert.False(response.Headers.Contains("X-Lab"));
    }

    private static SipRequest Parse(string text)
    {
        var result = ImsLab.Sip.Parsing.SipMessageParser.Parse(System.Text.Encoding.ASCII.GetBytes(text), ImsLab.Sip.Parsing.SipParserLimits.Default);
        return Assert.IsType<SipRequest>(result.Message);
    }
}
