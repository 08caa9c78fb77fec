namespace ImsLab.Sip.Subscribers;

/// <summary>Whether a traced SIP message came in or went out.</summary>
public enum SipTraceDirection
{
    /// <summary>Received from the remote party.</summary>
    Received,
    /// <summary>Sent to the remote party.</summary>
    Sent,
}
