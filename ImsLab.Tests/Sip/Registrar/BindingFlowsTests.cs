using System.Net;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Transport;

namespace ImsLab.Tests.Sip.Registrar;

/// <summary>The stored form of the flow a binding arrived on.</summary>
public sealed class BindingFlowsTests
{
    private static readonly IPEndPoint Local = new(IPAddress.Parse("192.0.2.1"), 5060);

    [Fact]
    public void BindingsFromOnePeerShareOneCopyOfEachAddress()
    {
        var strings = new BindingStringPool();
        var pcscf = new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5070);

        var first = BindingFlows.ToBindingFlow(new SipFlow(SipTransportProtocol.Udp, Local, pcscf), strings);
        var second = BindingFlows.ToBindingFlow(new SipFlow(SipTransportProtocol.Udp, Local, pcscf), strings);

        Assert.Equal("192.0.2.10", first.RemoteAddress);
        Assert.Same(first.RemoteAddress, second.RemoteAddress);
        Assert.Same(first.LocalAddress, second.LocalAddress);
    }

    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    public void AFlowReadsAsTheBindingFlowItIsStoredAs(SipTransportProtocol transport)
    {
        var flow = new SipFlow(transport, Local, new IPEndPoint(IPAddress.Parse("198.51.100.7"), 40000));

        Assert.Equal(BindingFlows.ToBindingFlow(flow).ToString(), flow.ToString());
    }

    [Fact]
    public void AFlowFromAnEarlierRunKeepsItsAddressesButNotItsConnection()
    {
        var stored = BindingFlows.ToBindingFlow(new SipFlow(SipTransportProtocol.Tcp, Local, new IPEndPoint(IPAddress.Parse("198.51.100.7"), 40000), ConnectionId: 3));

        var reloaded = BindingFlows.FromEarlierRun(stored);

        Assert.Equal(stored with { ConnectionId = 0 }, reloaded);
    }

    [Fact]
    public void TheStoredFlowLeadsBackToTheSameSocketAddresses()
    {
        var flow = new SipFlow(SipTransportProtocol.Tcp, Local, new IPEndPoint(IPAddress.Parse("2001:db8::5"), 40000), ConnectionId: 7);

        var roundTripped = BindingFlows.ToSipFlow(BindingFlows.ToBindingFlow(flow));

        Assert.Equal(flow, roundTripped);
    }
}
