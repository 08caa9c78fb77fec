namespace ImsLab.Sip.Authentication.Aka;

/// <summary>How the simulated USIM judges SQN freshness (TS 33.102 Annex C.2).</summary>
public sealed record UsimOptions
{
    /// <summary>Length of IND in bits; the USIM keeps 2^IndBits SEQ_MS entries (C.2.2). Must match the network.</summary>
    public int IndBits { get; init; } = 5;

    /// <summary>
    /// Δ of C.2.1: the largest jump SEQ - SEQ_MS accepted; null disables the check. TS 33.102 C.2.1 gives 2^28 as
    /// an example value.
    /// </summary>
    public long? Delta { get; init; } = 1L << 28;

    /// <summary>L of C.2.2: when set, SEQ is accepted only if SEQ_MS - SEQ &lt; L (too-old vectors are refused).</summary>
    public long? AgeLimit { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(IndBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(IndBits, 16);
        if (Delta is { } delta) ArgumentOutOfRangeException.ThrowIfNegativeOrZero(delta, nameof(Delta));
        if (AgeLimit is { } limit) ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit, nameof(AgeLimit));
    }
}
