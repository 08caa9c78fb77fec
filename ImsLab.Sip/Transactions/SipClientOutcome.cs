namespace ImsLab.Sip.Transactions;

/// <summary>How a client transaction ended.</summary>
public enum SipClientOutcome
{
    /// <summary>A final response arrived (any status, including 481 or 408 sent by the peer).</summary>
    Response,

    /// <summary>Timer F fired: no final response within 64*T1 (RFC 3261 17.1.2.2); the caller treats it like 408.</summary>
    Timeout,

    /// <summary>The request could not be sent (RFC 3261 17.1.4): no route, connection refused, socket error.</summary>
    TransportError,
}
