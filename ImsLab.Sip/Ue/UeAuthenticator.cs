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
    private DigestChallenge? _passwordChallenge;
    private uint _nonceCount;
    private string? _lastAuthorization;

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
        _passwordChallenge = null;
        _lastAuthorization = null;
        _nonceCount = 0;
    }

    /// <summary>
    /// The Authorization of a re-registration or deregistration, or null before any challenge was answered.
    /// TS 24.229 5.1.1.4.1: with AKA the UE repeats the last nonce and the last calculated response. With a password
    /// the UE reuses the nonce with the next nonce-count and a fresh response (RFC 7616 3.4), which the registrar
    /// may accept or answer with a new challenge.
    /// </summary>
    public string? Reauthorize()
    {
        if (_passwordChallenge is { } challenge && _options.Credentials is UePasswordCredentials password)
        {
            _lastAuthorization = DigestClient.Respond(challenge, NewRequest(++_nonceCount), password.Password).ToHeaderValue();
        }
        return _lastAuthorization;
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

        _passwordChallenge = null;
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
        _passwordChallenge = challenge;
        return Answered(UeChallengeOutcome.Answered, DigestClient.Respond(challenge, NewRequest(_nonceCount), password.Password));
    }

    private UeChallengeAnswer Answered(UeChallengeOutcome outcome, DigestCredentials credentials)
    {
        _lastAuthorization = credentials.ToHeaderValue();
        return new UeChallengeAnswer(outcome, _lastAuthorization, credentials.AlgorithmName ?? "MD5", null);
    }

    private UeChallengeAnswer Failed(UeChallengeOutcome outcome, string detail)
    {
        Forget();
        return new UeChallengeAnswer(outcome, null, null, detail);
    }

    private DigestClientRequest NewRequest(uint nonceCount) =>
        new(_options.Impi, Method, _requests.RegisterUri, UeCallLeg.NewToken(), nonceCount);
}
