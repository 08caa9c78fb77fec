using System.Security.Cryptography;
using System.Text;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Authentication.Digest;

namespace ImsLab.Sip.Ue;

/// <summary>
/// The UE's digest side: answers 401 challenges with its USIM (AKAv1/AKAv2, RFC 3310 / RFC 4169) or its password
/// (MD5 / SHA-256, RFC 7616), and keeps what a re-registration repeats.
/// </summary>
internal sealed class UeAuthenticator
{
    private const string Method = "REGISTER";

    private readonly UeSimulatorOptions _options;
    private readonly UeRequestFactory _requests;
    private readonly UsimAka? _usim;
    // The last challenge answered successfully and its digest password (the user's, or the one derived from RES),
    // so that re-registrations reuse its nonce with the next nonce-count.
    private DigestChallenge? _answeredChallenge;
    private byte[]? _digestPassword;
    private uint _nonceCount;

    public UeAuthenticator(UeSimulatorOptions options, UeRequestFactory requests)
    {
        _options = options;
        _requests = requests;
        if (options.Credentials is UeAkaCredentials aka)
        {
            _usim = new UsimAka(aka.Keys, aka.Usim);
            if (aka.InitialSqnMs > 0) _usim.Accept(aka.InitialSqnMs);
        }
    }

    /// <summary>Drops the remembered challenge: the next REGISTER is an initial one.</summary>
    public void Forget()
    {
        _answeredChallenge = null;
        ForgetPassword();
        _nonceCount = 0;
    }

    /// <summary>
    /// The Authorization of a re-registration or deregistration, or null when no challenge was answered successfully.
    /// TS 24.229 5.1.1.4.1 repeats the last nonce and response because there the REGISTER rides the IPsec security
    /// association and the P-CSCF vouches for it (integrity-protected), so the S-CSCF does not verify the digest. This
    /// registrar does verify it, and an nc it has seen is a replay (RFC 7616 3.4). So with AKA as with a password the
    /// UE reuses the nonce with the next nonce-count, a new cnonce and a response recomputed with the same digest
    /// password (RFC 3261 22.4, RFC 3310 3.2, RFC 4169 3); only a new challenge makes the USIM run again.
    /// </summary>
    public string? Reauthorize()
    {
        if (_answeredChallenge is not { } challenge || _digestPassword is null) return null;
        return DigestClient.RespondWithPassword(challenge, NewRequest(++_nonceCount), _digestPassword).ToHeaderValue();
    }

    /// <summary>Answers the 401's WWW-Authenticate values with the most preferred challenge this UE can use.</summary>
    public UeChallengeAnswer Answer(IEnumerable<string> wwwAuthenticate)
    {
        var offered = new List<DigestChallenge>();
        foreach (var value in wwwAuthenticate)
        {
            var parsed = DigestChallenge.ParseAll(value);
            if (parsed.IsSuccess) offered.AddRange(parsed.Value!);
        }

        DigestChallenge? challenge = null;
        foreach (var algorithm in _options.AlgorithmPreference)
        {
            challenge = offered.FirstOrDefault(c => c.Algorithm == algorithm);
            if (challenge is not null) break;
        }
        if (challenge is null)
        {
            var names = offered.Count == 0 ? "no readable Digest challenge" : string.Join(", ", offered.Select(c => c.AlgorithmName ?? "MD5"));
            return Failed(UeChallengeOutcome.Unsupported, $"the 401 offers {names}; this UE accepts {string.Join(", ", _options.AlgorithmPreference.Select(a => a.ToWireName()))}");
        }

        _answeredChallenge = null;
        ForgetPassword();
        _nonceCount = 1;
        var algorithmUsed = challenge.Algorithm!.Value;
        return algorithmUsed.IsAka() ? AnswerAka(challenge, algorithmUsed) : AnswerPassword(challenge, algorithmUsed);
    }

    private UeChallengeAnswer AnswerAka(DigestChallenge challenge, DigestAlgorithm algorithm)
    {
        if (_usim is null) return Failed(UeChallengeOutcome.MissingCredentials, $"a {algorithm.ToWireName()} challenge needs AKA credentials (K with OP or OPc)");
        if (!DigestAkaNonce.TryRead(challenge.Nonce, out _, out _)) return Failed(UeChallengeOutcome.Unsupported, "the AKA nonce does not carry RAND and AUTN (RFC 3310 3.2)");

        var answer = DigestClient.RespondAka(challenge, NewRequest(_nonceCount), _usim);
        switch (answer.Usim.Outcome)
        {
            case UsimAuthenticationOutcome.Success:
                var usim = answer.Usim;
                Remember(challenge, AkaDigestPassword.Compute(algorithm, usim.Res!.Value.Span, usim.Ik!.Value.Span, usim.Ck!.Value.Span));
                return Answered(UeChallengeOutcome.Answered, answer.Credentials);
            case UsimAuthenticationOutcome.SyncFailure:
                // RFC 3310 3.4 / TS 33.203 6.1.2: auts tells the network the USIM's SQN_MS.
                return Answered(UeChallengeOutcome.SyncFailure, answer.Credentials);
            default:
                // TS 24.229 5.1.1.5.3: on a bad MAC the REGISTER carries no auts and an empty response.
                var sent = answer.Credentials;
                return Answered(UeChallengeOutcome.MacFailure, new DigestCredentials
                {
                    Username = sent.Username,
                    Realm = sent.Realm,
                    Nonce = sent.Nonce,
                    Uri = sent.Uri,
                    Response = string.Empty,
                    AlgorithmName = sent.AlgorithmName,
                    Opaque = sent.Opaque,
                });
        }
    }

    private UeChallengeAnswer AnswerPassword(DigestChallenge challenge, DigestAlgorithm algorithm)
    {
        if (_options.Credentials is not UePasswordCredentials password)
        {
            return Failed(UeChallengeOutcome.MissingCredentials, $"a {algorithm.ToWireName()} challenge needs a password");
        }
        Remember(challenge, Encoding.UTF8.GetBytes(password.Password));
        return Answered(UeChallengeOutcome.Answered, DigestClient.Respond(challenge, NewRequest(_nonceCount), password.Password));
    }

    private void Remember(DigestChallenge challenge, byte[] digestPassword)
    {
        _answeredChallenge = challenge;
        _digestPassword = digestPassword;
    }

    private void ForgetPassword()
    {
        if (_digestPassword is not null) CryptographicOperations.ZeroMemory(_digestPassword);
        _digestPassword = null;
    }

    private static UeChallengeAnswer Answered(UeChallengeOutcome outcome, DigestCredentials credentials) =>
        new(outcome, credentials.ToHeaderValue(), credentials.AlgorithmName ?? "MD5", null);

    private UeChallengeAnswer Failed(UeChallengeOutcome outcome, string detail)
    {
        Forget();
        return new UeChallengeAnswer(outcome, null, null, detail);
    }

    private DigestClientRequest NewRequest(uint nonceCount) =>
        new(_options.Impi, Method, _requests.RegisterUri, UeCallLeg.NewToken(), nonceCount);
}
