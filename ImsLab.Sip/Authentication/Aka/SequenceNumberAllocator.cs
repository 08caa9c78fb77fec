using System.Collections.Concurrent;

namespace ImsLab.Sip.Authentication.Aka;

/// <summary>
/// Hands out fresh SQNs per IMPI (TS 33.102 Annex C.1.1/C.1.2): every vector gets the next SEQ, never reused, and
/// IND = SEQ mod 2^IndBits, so consecutive vectors land in different USIM array slots (C.3.2). SEQ values come from
/// <see cref="ISequenceNumberStore"/> in blocks of <see cref="SequenceNumberOptions.BlockSize"/> so that storage is
/// hit once per block. Thread-safe.
/// </summary>
public sealed class SequenceNumberAllocator
{
    private readonly ISequenceNumberStore _store;
    private readonly SequenceNumberOptions _options;
    private readonly ConcurrentDictionary<string, ReservedBlock> _blocks = new(StringComparer.Ordinal);

    /// <summary>Creates an allocator over <paramref name="store"/>.</summary>
    public SequenceNumberAllocator(ISequenceNumberStore store, SequenceNumberOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _store = store;
        _options = options;
    }

    /// <summary>Length of IND in bits used for the SQNs this allocator builds.</summary>
    public int IndBits => _options.IndBits;

    /// <summary>Returns a fresh SQN (SEQ || IND) for the IMPI.</summary>
    public async ValueTask<long> NextSqnAsync(string impi, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(impi);
        long seq = _options.BlockSize == 1
            ? await _store.ReserveSeqAsync(impi, 1, ct).ConfigureAwait(false)
            : await NextSeqFromBlockAsync(impi, ct).ConfigureAwait(false);
        return SequenceNumber.Compose(seq, (int)(seq & ((1L << _options.IndBits) - 1)), _options.IndBits);
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

    private async ValueTask<long> NextSeqFromBlockAsync(string impi, CancellationToken ct)
    {
        var block = _blocks.GetOrAdd(impi, static _ => new ReservedBlock());
        await block.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (block.Next >= block.End)
            {
                long first = await _store.ReserveSeqAsync(impi, _options.BlockSize, ct).ConfigureAwait(false);
                block.Next = first;
                block.End = first + _options.BlockSize;
            }
            return block.Next++;
        }
        finally { block.Gate.Release(); }
    }

    private sealed class ReservedBlock
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public long Next { get; set; }
        public long End { get; set; }
    }
}
