namespace ImsLab.Sip.Authentication.Aka;

/// <summary>How SQNs are built and handed out (TS 33.102 Annex C).</summary>
public sealed record SequenceNumberOptions
{
    /// <summary>Length of IND in bits; SQN = SEQ || IND (C.1.1). TS 33.102 C.3.2 suggests 5.</summary>
    public int IndBits { get; init; } = 5;

    /// <summary>
    /// SEQ values reserved from storage at a time per IMPI; 1 hits storage for every vector. Values left in a block
    /// when the process stops are skipped, which only widens the gap the USIM's delta check has to allow (C.2.2).
    /// </summary>
    public int BlockSize { get; init; } = 1;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(IndBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(IndBits, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(BlockSize, 1);
    }
}
