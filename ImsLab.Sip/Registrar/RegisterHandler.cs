using ImsLab.Sip.Transactions;

namespace ImsLab.Sip.Registrar;

/// <summary>REGISTER requests from the stack to the <see cref="Registrar"/> and its answer back.</summary>
internal sealed class RegisterHandler(Registrar registrar) : ISipRequestHandler
{
    public async ValueTask HandleAsync(SipServerTransaction transaction, CancellationToken ct)
    {
        var (response, afterResponse) = await registrar.RegisterAsync(transaction.Request, transaction.Flow, ct).ConfigureAwait(false);
        await transaction.RespondAsync(response).ConfigureAwait(false);
        afterResponse?.Invoke();
        // Answered and done with: the transaction keeps only the response octets for the retransmissions to come.
        transaction.ReleaseRequest();
    }
}
