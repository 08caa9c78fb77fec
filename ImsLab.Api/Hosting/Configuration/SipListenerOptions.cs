namespace ImsLab.Api.Hosting.Configuration;

/// <summary>One SIP listening socket.</summary>
internal sealed class SipListenerOptions
{
    public const int DefaultPort = 5060;

    public SipListenerProtocol Protocol { get; set; } = SipListenerProtocol.Udp;

    public string Address { get; set; } = "0.0.0.0";

    public int Port { get; set; } = DefaultPort;

    /// <summary>Host name or address written into Via/Contact/Record-Route when the bound address is not reachable as is (NAT, 0.0.0.0).</summary>
    public string? AdvertisedHost { get; set; }

    public override string ToString() => $"{Protocol} {Address}:{Port}";
}
