using System.Collections.Concurrent;
using ImsLab.Sip.Transactions;

namespace ImsLab.Tests.Sip.Support;

/// <summary>A handler that records what reaches it and answers every request with one status (a real answer, not a mock).</summary>
internal sealed class RecordingHandler(int status = 200) : ISipRequestHandler
{
    private readonly ConcurrentQueue<SipServerTransaction> _calls = new();
    private readonly TaskCompletionSource _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int CallCount => _calls.Count;

    public IReadOnlyList<SipServerTransaction> Calls => [.. _calls];

    public Task FirstCall => _firstCall.Task;

    public async ValueTask HandleAsync(SipServerTransaction transaction, CancellationToken ct)
    {
        _calls.Enqueue(transaction);
        _firstCall.TrySetResult();
        await transaction.RespondAsync(transaction.CreateResponse(status));
    }
}
