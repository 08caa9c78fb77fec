namespace ImsLab.Sip.Transactions;

/// <summary>The layer above the transactions (the UAS core of RFC 3261 8.2): it gets every new server transaction.</summary>
internal interface ISipTransactionUser
{
    /// <summary>Called on the receive path: answer cheap cases inline, hand handler work to the thread pool.</summary>
    void OnNewServerTransaction(SipServerTransaction transaction);
}
