namespace ImsLab.Sip.Subscribers;

/// <summary>
/// The transport flow a REGISTER arrived on (RFC 5626 3, RFC 3261 18.2.2): requests to the UE go back over it,
/// which is what makes registration work behind NAT.
/// </summary>
/// <param name="Transport">"UDP", "TCP", "TLS", "WS" or "WSS".</param>
/// <param name="RemoteAddress">Source IP address of the request as seen by us.</param>
/// <param name="RemotePort">Source port of the request as seen by us.</param>
/// <param name="LocalAddress">Our address the request arrived on.</param>
/// <param name="LocalPort">Our port the request arrived on.</param>
/// <param name="ConnectionId">The transport's connection id for connection-oriented flows, 0 for UDP.</param>
public sealed record BindingFlow(string Transport, string RemoteAddress, int RemotePort, string LocalAddress, int LocalPort, long ConnectionId)
{
    /// <summary>"UDP 192.0.2.1:5060 -> 198.51.100.1:5060" style text for logs and the event log.</summary>
    public override string ToString() => $"{Transport} {RemoteAddress}:{RemotePort} -> {LocalAddress}:{LocalPort}";
}
