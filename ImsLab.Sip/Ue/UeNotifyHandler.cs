using ImsLab.Sip.Transactions;

namespace ImsLab.Sip.Ue;

/// <summary>Hands NOTIFY server transactions from the UE's stack to its simulator.</summary>
internal sealed class UeNotifyHandler(UeSimulator simulator) : ISipRequestHandler
{
    public ValueTask HandleAsync(SipServerTransaction transaction, CancellationToken ct) => simulator.HandleNotifyAsync(transaction, ct);
}
