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
}
