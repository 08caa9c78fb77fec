namespace ImsLab.Sip.Transport;

/// <summary>Why the transport or transaction layer discarded something it received (a metrics and log dimension).</summary>
internal enum SipDropReason
{
    Unparseable,
    StrayResponse,
    StrayAck,
    ResponseWithoutVia,
    ConnectionLimit,
    ConnectionBufferLimit,
    Framing,
    SendFailed,
}
