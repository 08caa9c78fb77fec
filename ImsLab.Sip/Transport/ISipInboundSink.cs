namespace ImsLab.Sip.Transport;

/// <summary>
/// Where the transport hands every parsed message (the transaction layer). Called on the receive loop: implementations
/// must return quickly and never block (sipgo's transport layer works the same way: one callback, no transaction lookups
/// in the transport).
/// </summary>
internal interface ISipInboundSink
{
    void OnMessage(SipInboundMessage inbound);
}
