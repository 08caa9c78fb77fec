using System.Net;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Transport;

namespace ImsLab.Tests.Sip.Transport;

/// <summary>RFC 3263 4.1 and 4.2 for IP literals: where a request to a SIP URI goes.</summary>
public sealed class SipUriDestinationTests
{
    [Theory]
    [InlineData("sip:carol@127.0.0.1:40001;transport=tcp", SipTransportProtocol.Tcp, "127.0.0.1", 40001)]
    [InlineData("sip:carol@127.0.0.1:40001;transport=TCP", SipTransportProtocol.Tcp, "127.0.0.1", 40001)]
    [InlineData("sip:carol@192.0.2.4:5070", SipTransportProtocol.Udp, "192.0.2.4", 5070)]
    [InlineData("sip:192.0.2.4;transport=tcp", SipTransportProtocol.Tcp, "192.0.2.4", 5060)]
    [InlineData("sip:192.0.2.4;transport=udp;lr", SipTransportProtocol.Udp, "192.0.2.4", 5060)]
    [InlineData("sip:carol@[2001:db8::1]:40001;transport=tcp", SipTransportProtocol.Tcp, "2001:db8::1", 40001)]
    public void AnIpLiteralIsReachedOnTheTransportParameterAndTheExplicitOrDefaultPort(string uri, SipTransportProtocol transport,
        string address, int port)
    {
        Assert.True(SipUriDestination.TryResolve(SipUri.Parse(uri), out var resolvedTransport, out var endPoint));

        Assert.Equal(transport, resolvedTransport);
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), endPoint);
    }

    [Theory]
    [InlineData("sip:carol@ue.example.com:40001;transport=tcp")]
    [InlineData("sips:carol@192.0.2.4:5061")]
    [InlineData("sip:carol@192.0.2.4;transport=sctp")]
    [InlineData("tel:+15550000001")]
    public void WhatNeedsDnsOrATransportWeDoNotSpeakIsNotResolved(string uri) =>
        Assert.False(SipUriDestination.TryResolve(SipUri.Parse(uri), out _, out _));
}
