namespace ImsLab.Sip.Authentication.Digest;

/// <summary>Life cycle and bounds of server nonces.</summary>
public sealed record DigestNonceOptions
{
    /// <summary>How long a nonce is accepted; after that a correct response gets stale=true (RFC 7616 3.3).</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long an expired nonce is remembered so that a late but correct response can be told "stale" rather
    /// than "unknown".
    /// </summary>
    public TimeSpan StaleRetention { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Most nonces kept at once; beyond it the oldest are dropped (memory stays bounded under floods).</summary>
    public int Capacity { get; init; } = 100_000;

    /// <summary>Random octets in a non-AKA nonce.</summary>
    public int RandomLength { get; init; } = 16;

    /// <summary>
    /// Server-specific octets appended after RAND || AUTN in an AKA nonce (RFC 3310 3.2). Zero by default: some
    /// UEs expect exactly 32 decoded octets, and RAND already makes every AKA nonce unique.
    /// </summary>
    public int AkaServerDataLength { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Lifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(StaleRetention, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(Capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(RandomLength, 8);
        ArgumentOutOfRangeException.ThrowIfNegative(AkaServerDataLength);
    }
}
