namespace ImsLab.Sip.Transactions;

/// <summary>The states of an RFC 3261 17.1.2 non-INVITE client transaction.</summary>
internal enum SipClientTransactionState
{
    Trying,
    Proceeding,
    Completed,
    Terminated,
}
