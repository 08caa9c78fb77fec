using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Sip.Authentication.Digest;

/// <summary>
/// One issued nonce and what it is bound to: the IMPI, realm, algorithm and (for AKA) the vector. Tracks the
/// highest nc accepted so replays are refused (RFC 7616 3.4, 5.3).
/// </summary>
internal sealed class DigestNonce(string value, string impi, string realm, DigestAlgorithm algorithm, AkaVector? vector,
    DateTimeOffset expiresAt, DateTimeOffset forgetAt)
{
    private readonly object _gate = new();
    private uint _highestNonceCount;
    private bool _usedWithoutQop;

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
        lock (_gate)
        {
            if (now >= ExpiresAt) return DigestNonceUse.Stale;
            if (nonceCount is { } nc)
            {
                if (nc <= _highestNonceCount) return DigestNonceUse.Replay;
                _highestNonceCount = nc;
                return DigestNonceUse.Accepted;
            }
            if (_usedWithoutQop) return DigestNonceUse.Replay;
            _usedWithoutQop = true;
            return DigestNonceUse.Accepted;
        }
    }
}
