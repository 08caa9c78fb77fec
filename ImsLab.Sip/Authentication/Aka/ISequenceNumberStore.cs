namespace ImsLab.Sip.Authentication.Aka;

/// <summary>
/// Storage port for the home environment's per-subscriber SEQ counter (TS 33.102 Annex C.1.1, C.3). The counter
/// holds the last SEQ issued for an IMPI; implementations live outside ImsLab.Sip (ImsLab.Data).
/// </summary>
public interface ISequenceNumberStore
{
    /// <summary>
    /// Atomically reserves <paramref name="count"/> consecutive SEQ values for this IMPI (the stored counter is the
    /// last SEQ issued) and returns the first; concurrent callers never get overlapping ranges. When the last of them
    /// would pass <paramref name="maxSeq"/> nothing is reserved, the counter stays as it is, and the answer is null:
    /// a counter past the top of the SEQ space could not be shown as an SQN, nor issued (TS 33.102 C.1.1).
    /// </summary>
    ValueTask<long?> ReserveSeqAsync(string impi, int count, long maxSeq, CancellationToken ct);

    /// <summary>
    /// Resynchronisation (TS 33.102 6.3.5): raises the stored last-issued SEQ to at least <paramref name="seqMs"/>
    /// (never lowers it).
    /// </summary>
    ValueTask AdvanceSeqAsync(string impi, long seqMs, CancellationToken ct);
}
