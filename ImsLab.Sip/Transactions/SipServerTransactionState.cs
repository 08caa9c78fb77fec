namespace ImsLab.Sip.Transactions;

/// <summary>The states of RFC 3261 17.2.1 (INVITE) and 17.2.2 (non-INVITE) server transactions.</summary>
public enum SipServerTransactionState
{
    /// <summary>Non-INVITE: the request arrived and nothing has been answered yet.</summary>
    Trying,

    /// <summary>A provisional response was sent (an INVITE transaction starts here).</summary>
    Proceeding,

    /// <summary>A final response was sent; request retransmissions are answered with it.</summary>
    Completed,

    /// <summary>INVITE only: the ACK for a failure response arrived.</summary>
    Confirmed,

    /// <summary>Gone: nothing more is sent or absorbed.</summary>
    Terminated,
}
