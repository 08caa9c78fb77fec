using System.Collections.Concurrent;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Authentication.Aka;

/// <summary>
/// Hands out fresh SQNs per IMPI (TS 33.102 Annex C.1.1/C.1.2): every vector gets the next SEQ, never reused, and
/// IND = SEQ mod 2^IndBits, so consecutive vectors land in different USIM array slots (C.3.2). SEQ values come from
/// <see cref="ISequenceNumberStore"/> in blocks of <see cref="SequenceNumberOptions.BlockSize"/> so that storage is
/// hit once per block. Never issues a SEQ past <see cref="SequenceNumber.MaxSeq"/>: an IMPI whose SEQ space is used
/// up gets no more vectors until its SQN is provisioned lower. Thread-safe.
/// </summary>
public sealed class SequenceNumberAllocator : ISubscriberChangeObserver
{
    private readonly ISequenceNumberStore _store;
    private readonly SequenceNumberOptions _options;
    private readonly long _maxSeq;
    // IMPIs are case-insensitive (the store matches them so): one block per IMPI however a request spells it.
    private readonly ConcurrentDictionary<string, ReservedBlock> _blocks = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an allocator over <paramref name="store"/>.</summary>
    public SequenceNumberAllocator(ISequenceNumberStore store, SequenceNumberOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _store = store;
        _options = options;
        _maxSeq = SequenceNumber.MaxSeq(options.IndBits);
    }

    /// <summary>Length of IND in bits used for the SQNs this allocator builds.</summary>
    public int IndBits => _options.IndBits;

    /// <summary>
    /// A fresh SQN (SEQ || IND) for the IMPI, or null when its SEQ space is exhausted: the stored SEQ is at
    /// <see cref="SequenceNumber.MaxSeq"/> and only a provisioning reset of its SQN brings vectors back.
    /// </summary>
    public async ValueTask<long?> TryNextSqnAsync(string impi, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(impi);
        long? seq = _options.BlockSize == 1
            ? await _store.ReserveSeqAsync(impi, 1, _maxSeq, ct).ConfigureAwait(false)
            : await NextSeqFromBlockAsync(impi, ct).ConfigureAwait(false);
        if (seq is not { } value) return null;
        return SequenceNumber.Compose(value, SequenceNumber.Ind(value, _options.IndBits), _options.IndBits);
    }

    /// <summary>A fresh SQN (SEQ || IND) for the IMPI; throws when its SEQ space is exhausted (see <see cref="TryNextSqnAsync"/>).</summary>
    public async ValueTask<long> NextSqnAsync(string impi, CancellationToken ct)
    {
        var sqn = await TryNextSqnAsync(impi, ct).ConfigureAwait(false);
        if (sqn is null) AuthenticationThrowHelper.ThrowSqnSpaceExhausted(impi);
        return sqn.Value;
    }

    /// <summary>
    /// Resynchronisation (TS 33.102 6.3.5): moves the stored SEQ to at least SEQ_MS of <paramref name="sqnMs"/> and
    /// drops any cached block so that the next vector is fresh for the USIM.
    /// </summary>
    public async ValueTask ResynchronizeAsync(string impi, long sqnMs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(impi);
        long seqMs = SequenceNumber.Seq(sqnMs, _options.IndBits);
        if (_blocks.TryGetValue(impi, out var block))
        {
            await block.Gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await _store.AdvanceSeqAsync(impi, seqMs, ct).ConfigureAwait(false);
                block.Next = block.End;
            }
            finally { block.Gate.Release(); }
            return;
        }
        await _store.AdvanceSeqAsync(impi, seqMs, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Provisioning changed (or reset the SQN of, deleted, re-created) the IMPI: forgets the SEQ values reserved for it,
    /// so that its next vector is reserved from the stored counter as provisioning left it.
    /// </summary>
    /// <remarks>
    /// What is guaranteed: provisioning calls this after its change is committed, and every allocation that takes the
    /// IMPI's gate afterwards, including one that was already waiting for it, reserves afresh from the store, so it
    /// starts from the new SQN (a lowered SQN is honoured: that is what a reset for a fresh USIM is for). The one
    /// allocation that may hold the gate at that moment is concurrent with the change and may still hand out one
    /// value from the old block or from a reservation made just before the change. A reservation only ever adds to the
    /// counter, so it cannot undo the reset (at worst it skips the first values above the new SQN), and the store stays
    /// consistent whatever the order: a reservation and the provisioning write are each one atomic statement,
    /// serialised by the database, and no reservation takes the counter past
    /// <see cref="SequenceNumber.MaxSeq"/>. Another process sharing the database keeps its block (at most
    /// <see cref="SequenceNumberOptions.BlockSize"/> vectors) until it next reserves.
    /// </remarks>
    public void PrivateIdentityChanged(string impi)
    {
        ArgumentNullException.ThrowIfNull(impi);
        if (_blocks.TryRemove(impi, out var block)) block.Dropped = true;
    }

    private async ValueTask<long?> NextSeqFromBlockAsync(string impi, CancellationToken ct)
    {
        while (true)
        {
            var block = _blocks.GetOrAdd(impi, static _ => new ReservedBlock());
            await block.Gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                // Dropped by a provisioning change while this caller waited: take the IMPI's new block instead.
                if (block.Dropped) continue;
                if (block.Next >= block.End)
                {
                    // TS 33.102 C.1.1: a whole block may not fit below the top of the SEQ space; the last few go one by one.
                    int count = _options.BlockSize;
                    long? first = await _store.ReserveSeqAsync(impi, count, _maxSeq, ct).ConfigureAwait(false);
                    if (first is null && count > 1)
                    {
                        count = 1;
                        first = await _store.ReserveSeqAsync(impi, count, _maxSeq, ct).ConfigureAwait(false);
                    }
                    if (first is not { } reserved) return null;
                    block.Next = reserved;
                    block.End = reserved + count;
                }
                return block.Next++;
            }
            finally { block.Gate.Release(); }
        }
    }

    private sealed class ReservedBlock
    {
        private volatile bool _dropped;

        public SemaphoreSlim Gate { get; } = new(1, 1);
        public long Next { get; set; }
        public long End { get; set; }
        public bool Dropped { get => _dropped; set => _dropped = value; }
    }
}
