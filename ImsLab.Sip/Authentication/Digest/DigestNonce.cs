using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Sip.Authentication.Digest;

/// <summary>
/// One issued nonce and what it is bound to: the IMPI, realm, algorithm and (for AKA) the vector. Tracks the
/// highest nc accepted so replays are refused (RFC 7616 3.4, 5.3).
/// </summary>
internal sealed class DigestNonce(string value, string impi, string realm, DigestAlgorithm algorithm, AkaVector? vector,
    DateTimeOffset expiresAt, DateTimeOffset forgetAt)
{
    // Lock-free: a nonce lives for its whole lifetime (tens of seconds) and is issued per challenge, so a lock object
    // each was one more survivor per registration.
    private uint _highestNonceCount;
    private int _usedWithoutQop;

    public string Value { get; } = value;
    public string Impi { get; } = impi;
    public string Realm { get; } = realm;
    public DigestAlgorithm Algorithm { get; } = algorithm;
    public AkaVector? Vector { get; } = vector;
    public DateTimeOffset ExpiresAt { get; } = expiresAt;
    public DateTimeOffset ForgetAt { get; } = forgetAt;

    /// <summary>
    /// Records a use by a request whose response already verified. With qop, nc must exceed every nc accepted
    /// before; without qop (no nc) the nonce serves one request only.
    /// </summary>
    public DigestNonceUse TryUse(uint? nonceCount, DateTimeOffset now)
    {
        if (now >= ExpiresAt)
        {
            return DigestNonceUse.Stale;
        }

        if (nonceCount is not { } nc)
        {
            return Interlocked.Exchange(ref _usedWithoutQop, 1) == 0 ? DigestNonceUse.Accepted : DigestNonceUse.Replay;
        }

        while (true)
        {
            var highest = Volatile.Read(ref _highestNonceCount);
            if (nc <= highest)
            {
                return DigestNonceUse.Replay;
            }

            if (Interlocked.CompareExchange(ref _highestNonceCount, nc, highest) == highest)
            {
                return DigestNonceUse.Accepted;
            }
        }
    }
}
