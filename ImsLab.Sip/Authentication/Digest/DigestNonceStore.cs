using System.Collections.Concurrent;
using System.Security.Cryptography;
using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Sip.Authentication.Digest;

/// <summary>
/// Server nonces bound to an IMPI (and to the AKA vector for AKA), with expiry on the injected clock and a hard
/// cap on memory. Nonces are forgotten in issue order, which is also expiry order because every nonce gets the
/// same lifetime, so sweeping costs O(1) per issued nonce. Thread-safe.
/// </summary>
public sealed class DigestNonceStore
{
    private readonly TimeProvider _time;
    private readonly DigestNonceOptions _options;
    private readonly ConcurrentDictionary<string, DigestNonce> _nonces = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DigestNonce> _issueOrder = new();
    private readonly object _sweepGate = new();

    /// <summary>Creates a store on <paramref name="time"/>.</summary>
    public DigestNonceStore(TimeProvider time, DigestNonceOptions options)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _time = time;
        _options = options;
    }

    /// <summary>Nonces currently remembered (valid or recently expired).</summary>
    public int Count => _nonces.Count;

    /// <summary>
    /// Issues a nonce for the IMPI. For AKA algorithms <paramref name="vector"/> is required and the nonce is
    /// base64(RAND || AUTN || server data) (RFC 3310 3.2); otherwise it is random.
    /// </summary>
    public string Issue(string impi, string realm, DigestAlgorithm algorithm, AkaVector? vector)
    {
        ArgumentNullException.ThrowIfNull(impi);
        ArgumentNullException.ThrowIfNull(realm);
        if (algorithm.IsAka() && vector is null) throw new ArgumentNullException(nameof(vector), "AKA challenges need a vector.");
        var now = _time.GetUtcNow();
        Sweep(now);

        var nonce = new DigestNonce(NewValue(algorithm, vector), impi, realm, algorithm, algorithm.IsAka() ? vector : null,
            now + _options.Lifetime, now + _options.Lifetime + _options.StaleRetention);
        // Random nonces of 8+ octets do not collide in practice; an AKA nonce repeats only if a vector is reused,
        // which TS 33.102 6.3.2 forbids.
        if (!_nonces.TryAdd(nonce.Value, nonce))
            throw new InvalidOperationException("A nonce was issued twice: an authentication vector must be used for one challenge only.");
        _issueOrder.Enqueue(nonce);
        return nonce.Value;
    }

    /// <summary>Forgets a nonce (for example after a synchronisation failure made its vector useless).</summary>
    public void Revoke(string nonce) => _nonces.TryRemove(nonce, out _);

    /// <summary>
    /// Forgets every nonce issued to <paramref name="impi"/>, so none can serve another request. Walks every nonce
    /// kept: for operator actions such as a network-initiated re-authentication, not for each request.
    /// </summary>
    public void RevokeAll(string impi)
    {
        ArgumentNullException.ThrowIfNull(impi);
        foreach (var entry in _nonces)
        {
            if (string.Equals(entry.Value.Impi, impi, StringComparison.OrdinalIgnoreCase)) _nonces.TryRemove(entry);
        }
    }

    /// <summary>Drops nonces past their stale retention.</summary>
    public void Sweep() => Sweep(_time.GetUtcNow());

    internal DigestNonce? Find(string nonce) => _nonces.TryGetValue(nonce, out var entry) ? entry : null;

    internal DateTimeOffset Now => _time.GetUtcNow();

    private void Sweep(DateTimeOffset now)
    {
        if (!Monitor.TryEnter(_sweepGate)) return;
        try
        {
            while (_issueOrder.TryPeek(out var oldest) && (oldest.ForgetAt <= now || _issueOrder.Count >= _options.Capacity))
            {
                _issueOrder.TryDequeue(out _);
                _nonces.TryRemove(new KeyValuePair<string, DigestNonce>(oldest.Value, oldest));
            }
        }
        finally { Monitor.Exit(_sweepGate); }
    }

    private string NewValue(DigestAlgorithm algorithm, AkaVector? vector)
    {
        if (algorithm.IsAka())
        {
            Span<byte> serverData = stackalloc byte[_options.AkaServerDataLength];
            RandomNumberGenerator.Fill(serverData);
            return DigestAkaNonce.Create(vector!.Rand.Span, vector.Autn.Span, serverData);
        }
        Span<byte> random = stackalloc byte[_options.RandomLength];
        RandomNumberGenerator.Fill(random);
        return Convert.ToBase64String(random);
    }
}
