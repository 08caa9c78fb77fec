using System.Text;
using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Sip.Authentication.Digest;

/// <summary>
/// Client side of SIP digest, for the UE simulator, the load tool and tests: answers a challenge with a password
/// or, for AKA, with a simulated USIM.
/// </summary>
public static class DigestClient
{
    /// <summary>Answers a password challenge (MD5, MD5-sess, SHA-256, SHA-256-sess).</summary>
    public static DigestCredentials Respond(DigestChallenge challenge, DigestClientRequest request, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var algorithm = SupportedAlgorithm(challenge);
        if (algorithm.IsAka()) throw new ArgumentException("Answer AKA challenges with RespondAka.", nameof(challenge));
        return Respond(challenge, request, algorithm, Encoding.UTF8.GetBytes(password), auts: null);
    }

    /// <summary>
    /// Answers a challenge of any algorithm with the digest password as octets: a user's password in UTF-8, or, to
    /// use an AKA nonce again with the next nonce-count, the password its RES gave (<see cref="AkaDigestPassword"/>;
    /// RFC 3310 3.2, RFC 4169 3), so the USIM does not run again. <paramref name="password"/> is copied, not kept.
    /// </summary>
    public static DigestCredentials RespondWithPassword(DigestChallenge challenge, DigestClientRequest request, ReadOnlySpan<byte> password) =>
        Respond(challenge, request, SupportedAlgorithm(challenge), password.ToArray(), auts: null);

    /// <summary>
    /// Answers an AKAv1/AKAv2 challenge: the USIM checks AUTN from the nonce; on success the password is derived
    /// from RES (and IK, CK), on a synchronisation failure auts is sent (RFC 3310 3.4). In both failure cases the
    /// response is computed over an empty password, as RFC 3310 3.4 asks for the synchronisation case.
    /// </summary>
    public static DigestAkaAnswer RespondAka(DigestChallenge challenge, DigestClientRequest request, UsimAka usim)
    {
        ArgumentNullException.ThrowIfNull(usim);
        var algorithm = SupportedAlgorithm(challenge);
        if (!algorithm.IsAka()) throw new ArgumentException("Not an AKA challenge.", nameof(challenge));
        if (!DigestAkaNonce.TryRead(challenge.Nonce, out var rand, out var autn))
            throw new ArgumentException("The nonce does not carry RAND and AUTN.", nameof(challenge));

        var usimResult = usim.Authenticate(rand, autn);
        var credentials = usimResult.Outcome switch
        {
            UsimAuthenticationOutcome.Success => Respond(challenge, request, algorithm,
                AkaDigestPassword.Compute(algorithm, usimResult.Res!.Value.Span, usimResult.Ik!.Value.Span, usimResult.Ck!.Value.Span), auts: null),
            UsimAuthenticationOutcome.SyncFailure => Respond(challenge, request, algorithm, [], Convert.ToBase64String(usimResult.Auts!.Value.Span)),
            _ => Respond(challenge, request, algorithm, [], auts: null),
        };
        return new DigestAkaAnswer(credentials, usimResult);
    }

    private static DigestCredentials Respond(DigestChallenge challenge, DigestClientRequest request, DigestAlgorithm algorithm,
        byte[] password, string? auts)
    {
        ArgumentNullException.ThrowIfNull(request);
        DigestQop? qop = ChooseQop(challenge.QopOptions, request.PreferredQop);
        var input = new DigestResponseInput(request.Username, challenge.Realm, challenge.Nonce, request.Method, request.Uri,
            qop, qop is null && !algorithm.IsSession() ? null : request.Cnonce, qop is null ? null : request.NonceCount);
        int hexLength = DigestHash.HexLength(algorithm.HashFunction());
        Span<byte> ha1 = stackalloc byte[DigestHash.MaxHexLength];
        Span<byte> response = stackalloc byte[DigestHash.MaxHexLength];
        DigestHash.Ha1(algorithm.HashFunction(), request.Username, challenge.Realm, password, ha1);
        DigestHash.Response(algorithm, ha1[..hexLength], input, request.Body.Span, response);
        Array.Clear(password);
        ha1.Clear();
        return new DigestCredentials
        {
            Username = request.Username,
            Realm = challenge.Realm,
            Nonce = challenge.Nonce,
            Uri = request.Uri,
            Response = Encoding.ASCII.GetString(response[..hexLength]),
            AlgorithmName = challenge.AlgorithmName,
            Cnonce = input.Cnonce,
            Opaque = challenge.Opaque,
            Qop = qop,
            NonceCount = input.NonceCount,
            Auts = auts,
            IntegrityProtectedValue = request.IntegrityProtected?.ToWireName(),
        };
    }

    private static DigestAlgorithm SupportedAlgorithm(DigestChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return challenge.Algorithm ?? throw new ArgumentException($"Unsupported algorithm {challenge.AlgorithmName}.", nameof(challenge));
    }

    private static DigestQop? ChooseQop(IReadOnlyList<string> offered, DigestQop? preferred)
    {
        bool auth = offered.Any(q => q.Equals("auth", StringComparison.OrdinalIgnoreCase));
        bool authInt = offered.Any(q => q.Equals("auth-int", StringComparison.OrdinalIgnoreCase));
        if (preferred == DigestQop.AuthInt && authInt) return DigestQop.AuthInt;
        if (auth) return DigestQop.Auth;
        return authInt ? DigestQop.AuthInt : null;
    }
}
