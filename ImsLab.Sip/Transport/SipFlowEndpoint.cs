using System.Net;

namespace ImsLab.Sip.Transport;

/// <summary>A listening endpoint as actually bound (the real port when 0 was configured).</summary>
/// <param name="Protocol">UDP or TCP.</param>
/// <param name="EndPoint">The bound address and port.</param>
public sealed record SipFlowEndpoint(SipTransportProtocol Protocol, IPEndPoint EndPoint)
{
    /// <inheritdoc />
    public override string ToString() => $"{Protocol} {EndPoint}";
}
