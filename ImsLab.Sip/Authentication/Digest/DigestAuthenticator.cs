using System.Security.Cryptography;
using ImsLab.Sip.Authentication.Aka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImsLab.Sip.Authentication.Digest;

/// <summary>
/// Server side of SIP digest for the S-CSCF: builds challenges (MD5, SHA-256, AKAv1-MD5, AKAv2-MD5) and verifies
/// credentials against the nonce they answer, with typed results. Responses are compared in constant time.
/// Thread-safe.
/// </summary>
public sealed class DigestAuthenticator
{
    private readonly DigestNonceStore _nonces;
    private readonly DigestChallengeOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the authenticator over a nonce store.</summary>
    public DigestAuthenticator(DigestNonceStore nonces, DigestChallengeOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(nonces);
        ArgumentNullException.ThrowIfNull(options);
        _nonces = nonces;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// A challenge bound to <paramref name="impi"/>. AKA algorithms need <paramref name="vector"/>. ik/ck are
    /// included only when <paramref name="towardsPcscf"/> is set, i.e. the 401 goes to a P-CSCF that sets up the
    /// security association (TS 33.203 6.1, TS 24.229 5.4.1.2.1); a UE talking to us directly never sees them.
    /// </summary>
    public DigestChallenge CreateChallenge(string impi, string realm, DigestAlgorithm algorithm, AkaVector? vector = null,
        bool towardsPcscf = false, bool stale = false)
    {
        string nonce = _nonces.Issue(impi, realm, algorithm, vector);
        bool withKeys = towardsPcscf && algorithm.IsAka();
        DigestAuthenticatorLog.Challenged(_logger, impi, algorithm.ToWireName(), withKeys);
        return new DigestChallenge
        {
            Realm = realm,
            Nonce = nonce,
            AlgorithmName = algorithm.ToWireName(),
            QopOptions = [.. _options.QopOptions.Select(DigestCredentials.QopName)],
            Opaque = _options.Opaque,
            Stale = stale,
            Ik = withKeys ? Convert.ToHexStringLower(vector!.Ik.Span) : null,
            Ck = withKeys ? Convert.ToHexStringLower(vector!.Ck.Span) : null,
        };
    }

    /// <summary>
    /// Forgets the nonces issued to <paramref name="impi"/>: a client that reuses one with the next nonce-count is
    /// challenged afresh instead of verified.
    /// </summary>
    public void RevokeNonces(string impi) => _nonces.RevokeAll(impi);

    /// <summary>
    /// Verifies <paramref name="credentials"/> sent with a request of <paramref name="method"/> and
    /// <paramref name="body"/> (used by qop=auth-int). <paramref name="secret"/> is the subscriber's password or
    /// HA1 for password schemes; for AKA the vector bound to the nonce is used and <paramref name="secret"/> must
    /// hold the AKA credentials if the client may send auts.
    /// </summary>
    public DigestVerificationResult Verify(DigestCredentials credentials, string method, ReadOnlySpan<byte> body, DigestSecret? secret)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(method);
        var result = VerifyCore(credentials, method, body, secret);
        if (!result.IsSuccess) DigestAuthenticatorLog.VerificationFailed(_logger, credentials.Username, result.Status);
        return result;
    }

    private DigestVerificationResult VerifyCore(DigestCredentials credentials, string method, ReadOnlySpan<byte> body, DigestSecret? secret)
    {
        var nonce = credentials.Nonce.Length == 0 ? null : _nonces.Find(credentials.Nonce);
        if (nonce is null) return DigestVerificationResult.Of(DigestVerificationStatus.UnknownNonce);
        if (!string.Equals(credentials.Username, nonce.Impi, StringComparison.Ordinal))
            return DigestVerificationResult.Of(DigestVerificationStatus.UsernameMismatch);
        if (!string.Equals(credentials.Realm, nonce.Realm, StringComparison.Ordinal))
            return DigestVerificationResult.Of(DigestVerificationStatus.RealmMismatch);
        if (credentials.Algorithm != nonce.Algorithm)
            return DigestVerificationResult.Of(DigestVerificationStatus.UnsupportedAlgorithm);

        if (credentials.Auts is not null) return Resynchronize(credentials.Auts, nonce, secret);

        var algorithm = nonce.Algorithm;
        int hexLength = DigestHash.HexLength(algorithm.HashFunction());
        Span<byte> ha1 = stackalloc byte[DigestHash.MaxHexLength];
        if (algorithm.IsAka())
        {
            var vector = nonce.Vector!;
            var password = AkaDigestPassword.Compute(algorithm, vector.Xres.Span, vector.Ik.Span, vector.Ck.Span);
            DigestHash.Ha1(algorithm.HashFunction(), credentials.Username, credentials.Realm, password, ha1);
            CryptographicOperations.ZeroMemory(password);
        }
        else if (secret is null || !secret.TryGetHa1(algorithm, credentials.Username, credentials.Realm, ha1))
        {
            throw new ArgumentException($"The secret cannot verify {algorithm.ToWireName()}: give a password or an HA1 of the same hash.", nameof(secret));
        }

        Span<byte> expected = stackalloc byte[DigestHash.MaxHexLength];
        DigestHash.Response(algorithm, ha1[..hexLength], DigestResponseInput.From(credentials, method), body, expected);
        CryptographicOperations.ZeroMemory(ha1);
        if (!ResponseMatches(credentials.Response, expected[..hexLength]))
            return DigestVerificationResult.Of(DigestVerificationStatus.WrongResponse);

        return nonce.TryUse(credentials.Qop is null ? null : credentials.NonceCount, _nonces.Now) switch
        {
            DigestNonceUse.Accepted => DigestVerificationResult.Success(nonce.Vector),
            DigestNonceUse.Stale => DigestVerificationResult.Of(DigestVerificationStatus.StaleNonce),
            _ => DigestVerificationResult.Of(DigestVerificationStatus.NonceCountReplay),
        };
    }

    private DigestVerificationResult Resynchronize(string autsText, DigestNonce nonce, DigestSecret? secret)
    {
        Span<byte> auts = stackalloc byte[AkaLength.Auts + 3];
        if (!nonce.Algorithm.IsAka() || !Convert.TryFromBase64String(autsText, auts, out int length) || length != AkaLength.Auts)
            return DigestVerificationResult.Of(DigestVerificationStatus.MalformedCredentials);
        if (secret?.Aka is null)
            throw new ArgumentException("AKA resynchronisation needs the subscriber's AKA credentials.", nameof(secret));

        AkaResynchronizationResult check;
        using (var milenage = secret.Aka.CreateMilenage())
            check = AkaResynchronization.Verify(milenage, nonce.Vector!.Rand.Span, auts[..AkaLength.Auts]);
        // RFC 3310 3.4: the vector behind this nonce is spent either way; the next challenge uses a new one.
        _nonces.Revoke(nonce.Value);
        return check.MacVerified
            ? DigestVerificationResult.SyncFailure(check.SqnMs)
            : DigestVerificationResult.Of(DigestVerificationStatus.ResynchronizationFailed);
    }

    // Constant time over the expected length; clients may send upper-case hex.
    private static bool ResponseMatches(string response, ReadOnlySpan<byte> expected)
    {
        if (response.Length != expected.Length) return false;
        Span<byte> received = stackalloc byte[DigestHash.MaxHexLength];
        for (int i = 0; i < response.Length; i++)
        {
            char c = response[i];
            received[i] = c < 0x80 ? (byte)char.ToLowerInvariant(c) : (byte)0;
        }
        return CryptographicOperations.FixedTimeEquals(received[..expected.Length], expected);
    }
}
