using System.Net;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Parsing;
using ImsLab.Sip.Transport;

namespace ImsLab.Tests.Sip.Transport;

/// <summary>RFC 3261 18.2.1 and RFC 3581 4: what the receiving transport writes into the top Via.</summary>
public sealed class SipViaStamperTests
{
    private static readonly IPEndPoint Source = new(IPAddress.Parse("198.51.100.7"), 40123);

    [Fact]
    public void DomainNameSentByGetsReceived()
    {
        var request = Request("Via: SIP/2.0/UDP ue.example.com:5060;branch=z9hG4bK1");

        SipViaStamper.Stamp(request, Source);

        Assert.Equal("198.51.100.7", request.TopVia!.Received);
        Assert.False(request.TopVia.HasRport);
    }

    [Fact]
    public void SentByEqualToTheSourceIsLeftAlone()
    {
        var request = Request("Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK1");
        var before = request.Headers.GetFirst("Via");

        SipViaStamper.Stamp(request, Source);

        Assert.Equal(before, request.Headers.GetFirst("Via"));
    }

    [Fact]
    public void EmptyRportIsFilledAndReceivedAddedEvenForTheSameAddress()
    {
        var request = Request("Via: SIP/2.0/UDP 198.51.100.7:5060;rport;branch=z9hG4bK1");

        SipViaStamper.Stamp(request, Source);

        Assert.Equal(40123, request.TopVia!.Rport);
        Assert.Equal("198.51.100.7", request.TopVia.Received);
        Assert.Equal("z9hG4bK1", request.TopVia.Branch);
    }

    [Fact]
    public void OnlyTheTopViaOfAFoldedLineChanges()
    {
        var request = Request("Via: SIP/2.0/UDP nat.example.com;rport;branch=z9hG4bK1, SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK0\r\nVia: SIP/2.0/TCP 192.0.2.2;branch=z9hG4bKx");

        SipViaStamper.Stamp(request, Source);

        Assert.Equal(3, request.Vias.Count);
        Assert.Equal("198.51.100.7", request.Vias[0].Received);
        Assert.Null(request.Vias[1].Received);
        Assert.Equal("z9hG4bK0", request.Vias[1].Branch);
        Assert.Equal("SIP/2.0/TCP 192.0.2.2;branch=z9hG4bKx", request.Headers.GetAll("Via").Last());
    }

    [Fact]
    public void Ipv6SourceIsWrittenWithoutBracketsAndMatchesABracketedSentBy()
    {
        var source = new IPEndPoint(IPAddress.Parse("2001:db8::7"), 5062);
        var same = Request("Via: SIP/2.0/UDP [2001:db8::7]:5062;branch=z9hG4bK1");
        var other = Request("Via: SIP/2.0/UDP [2001:db8::9]:5062;branch=z9hG4bK1");

        SipViaStamper.Stamp(same, source);
        SipViaStamper.Stamp(other, source);

        Assert.Null(same.TopVia!.Received);
        Assert.Equal("2001:db8::7", other.TopVia!.Received);
    }

    private static SipRequest Request(string via)
    {
        var text = $"OPTIONS sip:ims.lab SIP/2.0\r\n{via}\r\nMax-Forwards: 70\r\nFrom: <sip:a@ims.lab>;tag=1\r\nTo: <sip:a@ims.lab>\r\n"
            + "Call-ID: stamp\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        var result = SipMessageParser.Parse(System.Text.Encoding.ASCII.GetBytes(text), SipParserLimits.Default);
        Assert.True(result.Success, result.ToString());
        return Assert.IsType<SipRequest>(result.Message);
    }
}
