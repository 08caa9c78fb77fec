using ImsLab.Sip.Messages;

namespace ImsLab.Sip.Transport;

/// <summary>A message as the transport delivered it: the parsed message, the flow it came on, and when.</summary>
/// <param name="Message">The parsed request or response (the top Via already carries received/rport, RFC 3261 18.2.1).</param>
/// <param name="Flow">The flow it arrived on.</param>
/// <param name="ReceivedAt">When the transport read it.</param>
public sealed record SipInboundMessage(SipMessage Message, SipFlow Flow, DateTimeOffset ReceivedAt);
