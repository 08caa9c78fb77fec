using ImsLab.Sip.Messages;

namespace ImsLab.Tests.Sip.Messages;

public sealed class SipUriTests
{
    [Fact]
    public void ParsesEveryComponentOfASipUri()
    {
        var uri = SipUri.Parse("sip:alice:secret@Atlanta.example.com:5070;transport=tcp;lr?subject=project%20x&priority=urgent");

        Assert.Equal("sip", uri.Scheme);
        Assert.Equal("alice", uri.User);
        Assert.Equal("secret", uri.Password);
        Assert.Equal("Atlanta.example.com", uri.Host);
        Assert.Equal(5070, uri.Port);
        Assert.Equal("tcp", uri.Parameters.Get("transport"));
        Assert.True(uri.Parameters.Contains("lr"));
        Assert.Null(uri.Parameters.Get("lr"));
        Assert.Equal("project%20x", uri.Headers.Get("subject"));
        Assert.Equal("urgent", uri.Headers.Get("priority"));
        Assert.Equal("sip:alice:***@Atlanta.example.com:5070;transport=tcp;lr?subject=project%20x&priority=urgent", uri.ToString());
    }

    [Fact]
    public void PasswordNeverShowsInToStringButReachesTheWire()
    {
        var request = new SipRequest("OPTIONS", SipUri.Parse("sip:alice:secret@example.com"));

        Assert.DoesNotContain("secret", request.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", request.RequestUri.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("OPTIONS sip:alice:secret@example.com SIP/2.0\r\n", System.Text.Encoding.ASCII.GetString(request.ToBytes()), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", Assert.Throws<FormatException>(() => SipUri.Parse("sip:alice:secret@exa mple.com")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemeIsCaseInsensitiveAndWrittenInLowerCase()
    {
        var uri = SipUri.Parse("SIPS:bob@biloxi.example.com");

        Assert.Equal("sips", uri.Scheme);
        Assert.Equal("sips:bob@biloxi.example.com", uri.ToString());
    }

    [Theory]
    [InlineData("sip:[2001:db8::10]", "[2001:db8::10]", null)]
    [InlineData("sip:user@[2001:db8::10]:5070", "[2001:db8::10]", 5070)]
    [InlineData("sip:[::ffff:192.0.2.2]", "[::ffff:192.0.2.2]", null)]
    [InlineData("sip:192.0.2.4:0", "192.0.2.4", 0)]
    public void HostKeepsIpv6BracketsAndPortIsSeparate(string text, string host, int? port)
    {
        var uri = SipUri.Parse(text);

        Assert.Equal(host, uri.Host);
        Assert.Equal(port, uri.Port);
    }

    [Fact]
    public void TelUriKeepsNumberAndParameters()
    {
        var uri = SipUri.Parse("tel:+1-201-555-0123;phone-context=example.com");

        Assert.Equal("tel", uri.Scheme);
        Assert.Equal("+1-201-555-0123", uri.TelNumber);
        Assert.Equal("example.com", uri.Parameters.Get("phone-context"));
        Assert.Equal(string.Empty, uri.Host);
        Assert.Equal("tel:+1-201-555-0123;phone-context=example.com", uri.ToString());
        Assert.Equal(uri, SipUri.Parse("tel:+12015550123;PHONE-CONTEXT=example.com"));
    }

    [Fact]
    public void OtherSchemesAreKeptOpaque()
    {
        var uri = SipUri.Parse("urn:service:sos");

        Assert.Equal("urn", uri.Scheme);
        Assert.Equal("service:sos", uri.SchemeSpecificPart);
        Assert.False(uri.IsSip);
        Assert.Equal("urn:service:sos", uri.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("sip:")]
    [InlineData("sip:@example.com")]
    [InlineData("sip:user@")]
    [InlineData("sip:user@example.com:99999")]
    [InlineData("sip:user@example.com:")]
    [InlineData("sip:2001:db8::10")]
    [InlineData("sip:user@exa mple.com")]
    [InlineData("<sip:user@example.com>")]
    [InlineData("sip:user@example.com;")]
    [InlineData("sip:user@example.com;=x")]
    [InlineData("sip:us%zzer@example.com")]
    [InlineData("sip:user@[2001:db8::10")]
    [InlineData("sip:user@[2001:db8::10]x")]
    [InlineData("sip:a@b@c")]
    [InlineData("sip:user@-example.com")]
    [InlineData("tel:")]
    [InlineData("tel:+1 201")]
    [InlineData("1sip:user@example.com")]
    [InlineData("nocolon")]
    public void RejectsMalformedUris(string text)
    {
        Assert.False(SipUri.TryParse(text, out var uri));
        Assert.Null(uri);
        Assert.Throws<FormatException>(() => SipUri.Parse(text));
        // The parser validates with the build-nothing walk; it must reject exactly what TryParse rejects.
        Assert.False(SipUri.IsValid(text, out _));
    }

    [Theory]
    [InlineData("sip:alice:secret@Atlanta.example.com:5070;transport=tcp;lr?subject=project%20x&priority=urgent", true)]
    [InlineData("sips:[2001:db8::10]:5061", false)]
    [InlineData("tel:+1-201-555-0123;phone-context=example.com", false)]
    [InlineData("urn:service:sos", false)]
    public void ValidationWithoutBuildingAcceptsWhatTryParseAcceptsAndSeesTheHeaders(string text, bool hasHeaders)
    {
        Assert.True(SipUri.TryParse(text, out var uri));
        Assert.True(SipUri.IsValid(text, out var sawHeaders));
        Assert.Equal(uri.HasHeaders, sawHeaders);
        Assert.Equal(hasHeaders, sawHeaders);
    }

    // RFC 3261 19.1.4: the equivalent and non-equivalent examples of the RFC.
    [Theory]
    [InlineData("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")]
    [InlineData("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x")]
    public void EquivalentUrisOfRfc3261AreEqual(string a, string b)
    {
        Assert.Equal(SipUri.Parse(a), SipUri.Parse(b));
        Assert.Equal(SipUri.Parse(a).GetHashCode(), SipUri.Parse(b).GetHashCode());
    }

    [Theory]
    [InlineData("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting")]
    [InlineData("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4")]
    [InlineData("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off")]
    [InlineData("sip:alice@atlanta.com", "sips:alice@atlanta.com")]
    [InlineData("sip:%00@host5.example.com", "sip:%00%00@host5.example.com")]
    public void DifferentUrisOfRfc3261AreNotEqual(string a, string b) => Assert.NotEqual(SipUri.Parse(a), SipUri.Parse(b));

    [Fact]
    public void ConstructorBuildsASipUriAndRejectsOtherSchemes()
    {
        var uri = new SipUri("sip", "alice", "[2001:db8::1]", 5060);

        Assert.Equal("sip:alice@[2001:db8::1]:5060", uri.ToString());
        Assert.Throws<ArgumentException>(() => new SipUri("tel", null, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipUri("sip", null, "x", 70000));
    }

    [Fact]
    public void CloneIsIndependent()
    {
        var uri = SipUri.Parse("sip:alice@example.com;transport=tcp");
        var copy = uri.Clone();

        copy.Parameters.Set("transport", "udp");

        Assert.Equal("tcp", uri.Parameters.Get("transport"));
        Assert.NotEqual(uri, copy);
    }
}
