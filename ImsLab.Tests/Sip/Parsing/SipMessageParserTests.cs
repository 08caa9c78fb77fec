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
}
