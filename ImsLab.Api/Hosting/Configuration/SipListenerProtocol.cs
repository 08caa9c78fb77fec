namespace ImsLab.Api.Hosting.Configuration;

/// <summary>The transport a SIP listener speaks (RFC 3261 18).</summary>
internal enum SipListenerProtocol
{
    Udp,
    Tcp,
}
