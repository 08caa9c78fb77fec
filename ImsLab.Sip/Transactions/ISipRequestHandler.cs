namespace ImsLab.Sip.Transactions;

/// <summary>Answers the requests of one method (see <see cref="SipStack.MapMethod"/>).</summary>
public interface ISipRequestHandler
{
    /// <summary>
    /// Handles a new request. Called on the thread pool, never on a receive loop; answer with
    /// <see cref="SipServerTransaction.RespondAsync"/>, now or later. If this throws before a final response was sent,
    /// the stack answers 500.
    /// </summary>
    ValueTask HandleAsync(SipServerTransaction transaction, CancellationToken ct);
}
