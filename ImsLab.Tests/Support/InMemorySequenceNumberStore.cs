using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Tests.Support;

/// <summary>A test-only <see cref="ISequenceNumberStore"/>: one locked counter per IMPI, counting storage round trips.</summary>
public sealed class InMemorySequenceNumberStore : ISequenceNumberStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _lastIssued = new(StringComparer.Ordinal);

    public int ReserveCalls { get; private set; }

    public long LastIssued(string impi) { lock (_gate) return _lastIssued.GetValueOrDefault(impi); }

    public ValueTask<long> ReserveSeqAsync(string impi, int count, CancellationToken ct)
    {
        lock (_gate)
        {
            ReserveCalls++;
            long first = _lastIssued.GetValueOrDefault(impi) + 1;
            _lastIssued[impi] = first + count - 1;
            return ValueTask.FromResult(first);
        }
    }

    public ValueTask AdvanceSeqAsync(string impi, long seqMs, CancellationToken ct)
    {
        lock (_gate) _lastIssued[impi] = Math.Max(_lastIssued.GetValueOrDefault(impi), seqMs);
        return ValueTask.CompletedTask;
    }
}
