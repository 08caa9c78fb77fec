using System.Text;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Parsing;

namespace ImsLab.Tests.Sip.Messages;

public sealed class SipMessageHeadersTests
{
    private static SipMessage Parse(params string[] headerLines)
    {
        var text = "REGISTER sip:ims.example.com SIP/2.0\r\n" +
                   "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bKabc\r\n" +
                   "From: <sip:alice@ims.example.com>;tag=1\r\n" +
                   "To: <sip:alice@ims.example.com>\r\n" +
                   "Call-ID: c1\r\n" +
                   "CSeq: 1 REGISTER\r\n" +
                   string.Concat(headerLines.Select(l => l + "\r\n")) +
                   "Content-Length: 0\r\n\r\n";
        var result = SipMessageParser.Parse(Encoding.UTF8.GetBytes(text), SipParserLimits.Default);
        Assert.True(result.Success, result.ToString());
        return result.Message;
    }

    [Fact]
    public void MinExpiresAndExpiresAreReadAsSeconds()
    {
        var message = Parse("Min-Expires: 3600", "Expires: 7200");

        Assert.Equal(3600, message.MinExpires);
        Assert.Equal(7200, message.Expires);
    }

    [Fact]
    public void OverlargeExpiresIsReadAsAbsentAndUint32MaxIsClamped()
    {
        Assert.Null(Parse("Expires: 10000000000000000").Expires);
        Assert.Equal(int.MaxValue, Parse("Expires: 4294967295").Expires);
    }

    [Fact]
    public void PathAndServiceRouteKeepOrderAcrossCommasAndRepeatedLines()
    {
        var message = Parse(
            "Path: <sip:term@pcscf1.example.com;lr>, <sip:second@pcscf2.example.com;lr>",
            "Path: <sip:third@pcscf3.example.com;lr>",
            "Service-Route: <sip:orig@scscf.ims.example.com;lr>");

        Assert.Equal(["term", "second", "third"], message.Paths.Select(p => p.Uri.User));
        Assert.True(message.Paths[0].Uri.Parameters.Contains("lr"));
        var route = Assert.Single(message.ServiceRoutes);
        Assert.Equal("scscf.ims.example.com", route.Uri.Host);
    }

    [Fact]
    public void PAssociatedUriListsSipAndTelIdentities()
    {
        var message = Parse("P-Associated-URI: <sip:alice@ims.example.com>, \"Alice, mobile\" <tel:+4930123456>");

        Assert.Equal(2, message.PAssociatedUris.Count);
        Assert.Equal("tel", message.PAssociatedUris[1].Uri.Scheme);
        Assert.Equal("+4930123456", message.PAssociatedUris[1].Uri.TelNumber);
        Assert.Equal("Alice, mobile", message.PAssociatedUris[1].DisplayName);
    }

    [Fact]
    public void AccessNetworkInfoGivesAccessTypeCellAndRaw()
    {
        var message = Parse("P-Access-Network-Info: 3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=001010001000019B;network-provided");

        var info = message.PAccessNetworkInfo!;
        Assert.Equal("3GPP-E-UTRAN-FDD", info.AccessType);
        Assert.Equal("001010001000019B", info.CellId);
        Assert.True(info.IsNetworkProvided);
        Assert.Equal("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=001010001000019B;network-provided", info.Raw);
    }

    [Fact]
    public void VisitedNetworkIdsAreUnquoted()
    {
        var message = Parse("P-Visited-Network-ID: \"Visited network number 1\", other.net;foo");

        Assert.Equal(["Visited network number 1", "other.net"], message.PVisitedNetworkIds);
    }

    [Fact]
    public void OptionTagHeadersSplitOnCommas()
    {
        var message = Parse("Supported: path, gruu", "k: sec-agree", "Require: sec-agree", "Proxy-Require: sec-agree, foo", "Unsupported: bar");

        Assert.Equal(["path", "gruu", "sec-agree"], message.Supported);
        Assert.Equal(["sec-agree"], message.Require);
        Assert.Equal(["sec-agree", "foo"], message.ProxyRequire);
        Assert.Equal(["bar"], message.Unsupported);
    }

    [Fact]
    public void SecurityClientListsEveryMechanismWithParameters()
    {
        var message = Parse(
            "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1111;spi-s=2222;port-c=5062;port-s=5064, digest;q=0.1",
            "Security-Verify: ipsec-3gpp;q=0.5;alg=hmac-md5-96");

        Assert.Equal(["ipsec-3gpp", "digest"], message.SecurityClient.Select(m => m.Mechanism));
        Assert.Equal("2222", message.SecurityClient[0].Parameters.Get("spi-s"));
        Assert.Equal(0.1f, message.SecurityClient[1].Preference);
        Assert.Equal(0.5f, Assert.Single(message.SecurityVerify).Preference);
        Assert.Empty(message.SecurityServer);
    }

    [Fact]
    public void EventAndSubscriptionStateReadTheirParameters()
    {
        var message = Parse("Event: reg;id=42", "Subscription-State: terminated;reason=rejected;retry-after=30");

        var package = message.Event!;
        var state = message.SubscriptionState!;
        Assert.Equal("reg", package.Package);
        Assert.Equal("42", package.Id);
        Assert.Equal("terminated", state.State);
        Assert.Equal("rejected", state.Reason);
        Assert.Equal(30, state.RetryAfter);
        Assert.Null(state.Expires);
        Assert.Equal(600, Parse("Subscription-State: active;expires=600").SubscriptionState!.Expires);
        Assert.Equal("presence.winfo", Parse("o: presence.winfo").Event!.Package);
    }

    [Fact]
    public void AcceptAllowWarningUserAgentAndDateAreTyped()
    {
        var message = Parse(
            "Accept: application/sdp;level=1, application/reginfo+xml",
            "Allow: INVITE, ACK,OPTIONS",
            "Warning: 399 scscf.example.com \"Say \\\"hi\\\"\", 301 isi.edu \"Incompatible network address type\"",
            "User-Agent: ImsLab UE/1.0",
            "Date: Sat, 13 Nov 2010 23:29:00 GMT");

        Assert.Equal(["application/sdp;level=1", "application/reginfo+xml"], message.Accept);
        Assert.Equal(["INVITE", "ACK", "OPTIONS"], message.Allow);
        Assert.Equal([399, 301], message.Warnings.Select(w => w.Code));
        Assert.Equal("Say \"hi\"", message.Warnings[0].Text);
        Assert.Equal("scscf.example.com", message.Warnings[0].Agent);
        Assert.Equal("399 scscf.example.com \"Say \\\"hi\\\"\"", message.Warnings[0].ToString());
        Assert.Equal("ImsLab UE/1.0", message.UserAgent);
        Assert.Equal(new DateTimeOffset(2010, 11, 13, 23, 29, 0, TimeSpan.Zero), message.Date);
    }

    [Fact]
    public void DateInAnotherZoneIsReadAsNull() => Assert.Null(Parse("Date: Fri, 01 Jan 2010 16:00:00 EST").Date);

    [Fact]
    public void RouteAndRecordRouteKeepOrder()
    {
        var message = Parse("Route: <sip:p1.example.com;lr>,<sip:p2.example.com;lr>", "Record-Route: <sip:rr.example.com;lr>");

        Assert.Equal(["p1.example.com", "p2.example.com"], message.Routes.Select(r => r.Uri.Host));
        Assert.Equal("rr.example.com", Assert.Single(message.RecordRoutes).Uri.Host);
    }

    [Fact]
    public void AuthorizationHeadersStayRawAndInOrder()
    {
        var message = Parse(
            "Authorization: Digest username=\"a@x\", realm=\"x\", nonce=\"n1\", uri=\"sip:x\", response=\"r\"",
            "Authorization: Digest username=\"a@y\", realm=\"y\", nonce=\"n2\", uri=\"sip:y\", response=\"s\"");

        Assert.Equal(2, message.Headers.GetAll(SipHeaderNames.Authorization).Count());
        Assert.Contains("realm=\"y\"", message.Headers.GetAll("authorization").Last(), StringComparison.Ordinal);
    }
}
