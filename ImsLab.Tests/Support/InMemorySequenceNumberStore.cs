using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Tests.Support;

/// <summary>A test-only <see cref="ISequenceNumberStore"/>: one locked counter per IMPI, counting storage round trips.</summary>
public sealed class InMemorySequenceNumberStore : ISequenceNumberStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _lastIssued = new(StringComparer.Ordinal);

    public int ReserveCalls { get; private set; }

    public long LastIssued(string impi) { lock (_gate) return _lastIssued.GetValueOrDefault(impi); }

    /// <summary>Sets the last SEQ issued, as provisioning does when it writes an SQN.</summary>
    public void SetLastIssued(string impi, long seq) { lock (_gate) _lastIssued[impi] = seq; }

    public ValueTask<long?> ReserveSeqAsync(string impi, int count, long maxSeq, CancellationToken ct)
    {
        lock (_gate)
        {
            ReserveCalls++;
            long last = _lastIssued.GetValueOrDefault(impi);
            if (last > maxSeq - count) return ValueTask.FromResult<long?>(null);
            _lastIssued[impi] = last + count;
            return ValueTask.FromResult<long?>(last + 1);
        }
    }

    public ValueTask AdvanceSeqAsync(string impi, long seqMs, CancellationToken ct)
    {
        lock (_gate) _lastIssued[impi] = Math.Max(_lastIssued.GetValueOrDefault(impi), seqMs);
        return ValueTask.CompletedTask;
    }
}
