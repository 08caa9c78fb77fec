namespace ImsLab.Sip.Transport;

/// <summary>Why a TCP connection ended (logged).</summary>
internal enum SipConnectionCloseReason
{
    ClosedByPeer,
    IdleTimeout,
    BufferLimit,
    MalformedFraming,
    MessageTooLarge,
    SocketError,
    Shutdown,
}
