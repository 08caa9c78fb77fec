using System.Threading.Channels;
using ImsLab.Sip.Transactions;

namespace ImsLab.Tests.Sip.Support;

/// <summary>A handler that answers nothing itself: the test takes each transaction and answers when it wants.</summary>
internal sealed class GatedHandler : ISipRequestHandler
{
    private readonly Channel<SipServerTransaction> _received = Channel.CreateUnbounded<SipServerTransaction>();
    private int _callCount;

    public int CallCount => Volatile.Read(ref _callCount);

    public ValueTask HandleAsync(SipServerTransaction transaction, CancellationToken ct)
    {
        Interlocked.Increment(ref _callCount);
        _received.Writer.TryWrite(transaction);
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits until the stack has handed over the next request.</summary>
    public async Task<SipServerTransaction> NextAsync()
    {
        using var timeout = new CancellationTokenSource(SipTestPeer.ArrivalTimeout);
        return await _received.Reader.ReadAsync(timeout.Token);
    }
}
