namespace ImsLab.Sip.Parsing;

/// <summary>What <see cref="SipStreamFramer.TryFrame"/> found at the start of a stream buffer.</summary>
public enum SipFrameResult
{
    /// <summary>No complete message yet; nothing consumed.</summary>
    NeedMoreData,

    /// <summary>A complete message is in the frame.</summary>
    Message,

    /// <summary>A CRLFCRLF keep-alive ping; the transport answers with CRLF (RFC 5626 4.4.1).</summary>
    KeepAlivePing,

    /// <summary>A single CRLF keep-alive pong (RFC 5626 4.4.1).</summary>
    KeepAlivePong,

    /// <summary>The framing is broken (e.g. absent, negative or conflicting Content-Length): close the connection.</summary>
    Malformed,

    /// <summary>The message exceeds the limits: close the connection.</summary>
    TooLarge,
}
