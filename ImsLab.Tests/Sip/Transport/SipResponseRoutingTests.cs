using System.Net;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Transport;

namespace ImsLab.Tests.Sip.Transport;

/// <summary>RFC 3261 18.2.2 and RFC 3581 5: where a response goes.</summary>
public sealed class SipResponseRoutingTests
{
    private static readonly IPEndPoint Local = new(IPAddress.Parse("192.0.2.10"), 5060);
    private static readonly IPEndPoint Source = new(IPAddress.Parse("198.51.100.7"), 40123);
    private static readonly SipFlow Udp = new(SipTransportProtocol.Udp, Local, Source);
    private static readonly SipFlow Tcp = new(SipTransportProtocol.Tcp, Local, Source, ConnectionId: 42);

    [Fact]
    public void UdpWithRportGoesToReceivedAndRport() =>
        Assert.Equal(Source, Route("SIP/2.0/UDP 10.0.0.2:5060;rport=40123;received=198.51.100.7;branch=z9hG4bK1", Udp).Remote);

    [Fact]
    public void AResponseBackToTheSourceUsesTheRequestsOwnFlow() =>
        Assert.Same(Udp, Route("SIP/2.0/UDP 10.0.0.2:5060;rport=40123;received=198.51.100.7;branch=z9hG4bK1", Udp));

    [Fact]
    public void UdpWithoutRportGoesToReceivedAndTheSentByPort() =>
        Assert.Equal(new IPEndPoint(Source.Address, 5070), Route("SIP/2.0/UDP ue.example.com:5070;received=198.51.100.7;branch=z9hG4bK1", Udp).Remote);

    [Fact]
    public void UdpWithoutAnyPortUses5060() =>
        Assert.Equal(new IPEndPoint(Source.Address, 5060), Route("SIP/2.0/UDP 198.51.100.7;branch=z9hG4bK1", Udp).Remote);

    [Fact]
    public void UdpWithMaddrGoesToMaddr() =>
        Assert.Equal(new IPEndPoint(IPAddress.Parse("239.1.2.3"), 5080),
            Route("SIP/2.0/UDP 198.51.100.7:5080;maddr=239.1.2.3;ttl=1;received=198.51.100.7;branch=z9hG4bK1", Udp).Remote);

    [Fact]
    public void UdpLeavesFromTheSocketTheRequestCameIn() =>
        Assert.Equal(Local, Route("SIP/2.0/UDP 198.51.100.7;branch=z9hG4bK1", Udp).Local);

    [Fact]
    public void TcpKeepsTheConnectionAndFallsBackToReceivedAndTheSentByPort()
    {
        var flow = Route("SIP/2.0/TCP ue.example.com:5090;received=198.51.100.7;branch=z9hG4bK1", Tcp);

        Assert.Equal(42, flow.ConnectionId);
        Assert.Equal(new IPEndPoint(Source.Address, 5090), flow.Remote);
    }

    [Fact]
    public void UdpViaNamingOnlyAHostGivesNoRoute() =>
        Assert.Null(SipResponseRouting.Resolve(new SipVia("SIP/2.0", "UDP", "ue.example.com", null, new SipParameters()), Udp));

    private static SipFlow Route(string via, SipFlow flow)
    {
        var request = new SipRequest("OPTIONS", SipUri.Parse("sip:ims.lab"));
        request.Headers.Add("Via", via);
        return SipResponseRouting.Resolve(request.TopVia!, flow)!;
    }
}
