using System.Text;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Authentication.Digest;
using ImsLab.Tests.Sip.Authentication.Aka;
using ImsLab.Tests.Support;
using static ImsLab.Tests.Sip.Authentication.Aka.MilenageTests;

namespace ImsLab.Tests.Sip.Authentication.Digest;

public sealed class DigestAuthenticatorTests
{
    private const string Impi = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
    private const string Realm = "ims.mnc001.mcc001.3gppnetwork.org";
    private const string Uri = "sip:ims.mnc001.mcc001.3gppnetwork.org";
    private const string Password = "secret";

    private readonly ManualTimeProvider _time = new();
    private readonly DigestNonceStore _nonces;
    private readonly DigestAuthenticator _authenticator;

    public DigestAuthenticatorTests()
    {
        _nonces = new DigestNonceStore(_time, new DigestNonceOptions { Lifetime = TimeSpan.FromSeconds(30), StaleRetention = TimeSpan.FromSeconds(30) });
        _authenticator = new DigestAuthenticator(_nonces, new DigestChallengeOptions());
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5)]
    [InlineData(DigestAlgorithm.Md5Sess)]
    [InlineData(DigestAlgorithm.Sha256)]
    [InlineData(DigestAlgorithm.Sha256Sess)]
    public void PasswordAnswerVerifies(DigestAlgorithm algorithm)
    {
        var challenge = _authenticator.CreateChallenge(Impi, Realm, algorithm);

        var result = Verify(DigestClient.Respond(challenge, Request(), Password), DigestSecret.FromPassword(Password));

        Assert.Equal(DigestVerificationStatus.Success, result.Status);
        Assert.Equal(200, result.SipStatusCode);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5, DigestHashFunction.Md5)]
    [InlineData(DigestAlgorithm.Sha256Sess, DigestHashFunction.Sha256)]
    public void StoredHa1VerifiesLikeThePassword(DigestAlgorithm algorithm, DigestHashFunction function)
    {
        var challenge = _authenticator.CreateChallenge(Impi, Realm, algorithm);
        var secret = DigestSecret.FromHa1(function, DigestHa1.Compute(function, Impi, Realm, Password));

        Assert.True(Verify(DigestClient.Respond(challenge, Request(), Password), secret).IsSuccess);
    }

    [Fact]
    public void Ha1OfAnotherHashIsAProgrammerError()
    {
        var challenge = _authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.Sha256);
        var secret = DigestSecret.FromHa1(DigestHashFunction.Md5, DigestHa1.Compute(DigestHashFunction.Md5, Impi, Realm, Password));

        Assert.Throws<ArgumentException>(() => Verify(DigestClient.Respond(challenge, Request(), Password), secret));
    }

    [Fact]
    public void AuthIntCoversTheBody()
    {
        var authenticator = new DigestAuthenticator(_nonces, new DigestChallengeOptions { QopOptions = [DigestQop.AuthInt] });
        var challenge = authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.Md5);
        var body = Encoding.UTF8.GetBytes("v=0\r\n");
        var credentials = DigestClient.Respond(challenge, Request() with { Body = body }, Password);

        Assert.Equal((DigestQop?)DigestQop.AuthInt, credentials.Qop);
        Assert.True(authenticator.Verify(credentials, "REGISTER", body, DigestSecret.FromPassword(Password)).IsSuccess);
        Assert.Equal(DigestVerificationStatus.WrongResponse,
            authenticator.Verify(credentials, "REGISTER", Encoding.UTF8.GetBytes("v=1\r\n"), DigestSecret.FromPassword(Password)).Status);
    }

    [Fact]
    public void NoQopFormVerifiesOnceOnly()
    {
        var authenticator = new DigestAuthenticator(_nonces, new DigestChallengeOptions { QopOptions = [] });
        var challenge = authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.Md5);
        var credentials = DigestClient.Respond(challenge, Request(), Password);

        Assert.Null(credentials.Qop);
        Assert.True(authenticator.Verify(credentials, "REGISTER", [], DigestSecret.FromPassword(Password)).IsSuccess);
        Assert.Equal(DigestVerificationStatus.NonceCountReplay, authenticator.Verify(credentials, "REGISTER", [], DigestSecret.FromPassword(Password)).Status);
    }

    [Fact]
    public void WrongPasswordIsAWrongResponseAnd403()
    {
        var challenge = _authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.Md5);

        var result = Verify(DigestClient.Respond(challenge, Request(), "guess"), DigestSecret.FromPassword(Password));

        Assert.Equal((DigestVerificationStatus.WrongResponse, 403), (result.Status, result.SipStatusCode));
    }

    [Fact]
    public void UpperCaseHexResponseIsAccepted()
    {
        var challenge = _authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.Md5);
        var credentials = DigestClient.Respond(challenge, Request(), Password);
        var upper = DigestCredentials.Parse(credentials.ToHeaderValue().Replace(credentials.Response, credentials.Response.ToUpperInvariant(), StringComparison.Ordinal)).Value!;

        Assert.True(Verify(upper, DigestSecret.FromPassword(Password)).IsSuccess);
    }

    [Fact]
    public void ReusingANonceNeedsAHigherNonceCount()
    {
        var challenge = _authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.Md5);
        var secret = DigestSecret.FromPassword(Password);

        Assert.True(Verify(DigestClient.Respond(challenge, Request() with { NonceCount = 1 }, Password), secret).IsSuccess);
        Assert.Equal(DigestVerificationStatus.NonceCountReplay, Verify(DigestClient.Respond(challenge, Request() with { NonceCount = 1 }, Password), secret).Status);
        Assert.True(Verify(DigestClient.Respond(challenge, Request() with { NonceCount = 2 }, Password), secret).IsSuccess);
        Assert.Equal(DigestVerificationStatus.NonceCountReplay, Verify(DigestClient.Respond(challenge, Request() with { NonceCount = 2 }, Password), secret).Status);
    }

    [Fact]
    public void ExpiredNonceWithTheRightResponseIsStaleAndThenForgotten()
    {
        var challenge = _authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.Md5);
        var secret = DigestSecret.FromPassword(Password);
        _time.Advance(TimeSpan.FromSeconds(30));

        var stale = Verify(DigestClient.Respond(challenge, Request(), Password), secret);
        var wrongAndStale = Verify(DigestClient.Respond(challenge, Request() with { NonceCount = 2 }, "guess"), secret);
        _time.Advance(TimeSpan.FromSeconds(30));
        _nonces.Sweep();
        var forgotten = Verify(DigestClient.Respond(challenge, Request() with { NonceCount = 3 }, Password), secret);

        Assert.Equal((DigestVerificationStatus.StaleNonce, 401), (stale.Status, stale.SipStatusCode));
        Assert.Equal(DigestVerificationStatus.WrongResponse, wrongAndStale.Status);
        Assert.Equal(DigestVerificationStatus.UnknownNonce, forgotten.Status);
        Assert.Equal(0, _nonces.Count);
    }

    [Fact]
    public void NonceStaysUsableUntilJustBeforeItsLifetimeEnds()
    {
        var challenge = _authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.Md5);
        _time.Advance(TimeSpan.FromSeconds(29));

        Assert.True(Verify(DigestClient.Respond(challenge, Request(), Password), DigestSecret.FromPassword(Password)).IsSuccess);
    }

    [Fact]
    public void InitialRegisterWithEmptyNonceIsUnknownNonceSoTheRegistrarChallenges()
    {
        var credentials = DigestCredentials.Parse($"Digest username=\"{Impi}\", realm=\"{Realm}\", nonce=\"\", uri=\"{Uri}\", response=\"\"").Value!;

        Assert.Equal(DigestVerificationStatus.UnknownNonce, Verify(credentials, null).Status);
    }

    [Fact]
    public void NonceIssuedToAnotherImpiIsAUsernameMismatch()
    {
        var challenge = _authenticator.CreateChallenge("other@" + Realm, Realm, DigestAlgorithm.Md5);

        var result = Verify(DigestClient.Respond(challenge, Request(), Password), DigestSecret.FromPassword(Password));

        Assert.Equal((DigestVerificationStatus.UsernameMismatch, 403), (result.Status, result.SipStatusCode));
    }

    [Fact]
    public void OtherRealmIsARealmMismatch()
    {
        var challenge = _authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.Md5);
        var credentials = DigestClient.Respond(challenge, Request(), Password);
        var moved = DigestCredentials.Parse(credentials.ToHeaderValue().Replace($"realm=\"{Realm}\"", "realm=\"evil.example\"", StringComparison.Ordinal)).Value!;

        Assert.Equal(DigestVerificationStatus.RealmMismatch, Verify(moved, DigestSecret.FromPassword(Password)).Status);
    }

    [Fact]
    public void AnotherAlgorithmThanChallengedIsUnsupported()
    {
        var challenge = _authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.Sha256);
        var downgraded = DigestClient.Respond(new DigestChallenge { Realm = Realm, Nonce = challenge.Nonce, AlgorithmName = "MD5", QopOptions = ["auth"] }, Request(), Password);
        var unknown = DigestCredentials.Parse(downgraded.ToHeaderValue().Replace("algorithm=MD5", "algorithm=SHA-512-256", StringComparison.Ordinal)).Value!;

        Assert.Equal(DigestVerificationStatus.UnsupportedAlgorithm, Verify(downgraded, DigestSecret.FromPassword(Password)).Status);
        Assert.Equal(DigestVerificationStatus.UnsupportedAlgorithm, Verify(unknown, DigestSecret.FromPassword(Password)).Status);
    }

    [Theory]
    [InlineData(DigestAlgorithm.AkaV1Md5)]
    [InlineData(DigestAlgorithm.AkaV2Md5)]
    public async Task AkaRoundTripWithTs35208VectorSucceedsAndHandsBackTheVector(DigestAlgorithm algorithm)
    {
        var set = Ts35208TestSet.Get(1);
        var credentials = AkaVectorGeneratorTests.Credentials(set);
        var generator = new AkaVectorGenerator(new SequenceNumberAllocator(new InMemorySequenceNumberStore(), new SequenceNumberOptions()));
        var vector = await generator.GenerateAsync(Impi, credentials, default);
        var challenge = _authenticator.CreateChallenge(Impi, Realm, algorithm, vector);
        var usim = new UsimAka(credentials, new UsimOptions());

        var answer = DigestClient.RespondAka(challenge, Request(), usim);
        var result = Verify(answer.Credentials, DigestSecret.ForAka(credentials));

        Assert.Equal(DigestVerificationStatus.Success, result.Status);
        Assert.Same(vector, result.Vector);
        Assert.Null(challenge.Ik);
    }

    [Fact]
    public void IkAndCkGoOnlyTowardsAPcscf()
    {
        var set = Ts35208TestSet.Get(2);
        using var milenage = new Milenage(Bytes(set.K), Bytes(set.Opc));
        var towardsPcscf = _authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.AkaV1Md5, AkaVectorGenerator.Generate(milenage, Bytes(set.Rand), 33, Bytes(set.Amf)), towardsPcscf: true);
        var towardsUe = _authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.AkaV1Md5, AkaVectorGenerator.Generate(milenage, Bytes(set.Rand), 66, Bytes(set.Amf)));

        Assert.Equal((set.F4, set.F3), (towardsPcscf.Ik, towardsPcscf.Ck));
        Assert.Contains($"ik=\"{set.F4}\"", towardsPcscf.ToHeaderValue());
        Assert.Null(towardsUe.Ik);
        Assert.DoesNotContain("ik=", towardsUe.ToHeaderValue());
        Assert.DoesNotContain("ck=", towardsUe.ToHeaderValue());
    }

    [Fact]
    public async Task StaleSqnAtTheUeGivesSyncFailureWithSqnMsAndTheNextVectorSucceeds()
    {
        var set = Ts35208TestSet.Get(3);
        var credentials = AkaVectorGeneratorTests.Credentials(set);
        var generator = new AkaVectorGenerator(new SequenceNumberAllocator(new InMemorySequenceNumberStore(), new SequenceNumberOptions()));
        var usim = new UsimAka(credentials, new UsimOptions());
        // The first vector has SEQ 1 and so IND 1: make that array slot already hold a higher SEQ (TS 33.102 C.2.2).
        usim.Accept(SequenceNumber.Compose(500, 1, 5));
        var staleChallenge = _authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.AkaV1Md5, await generator.GenerateAsync(Impi, credentials, default));

        var answer = DigestClient.RespondAka(staleChallenge, Request(), usim);
        var result = Verify(answer.Credentials, DigestSecret.ForAka(credentials));
        await generator.ResynchronizeAsync(Impi, credentials, DigestAkaNonceRand(staleChallenge), Convert.FromBase64String(answer.Credentials.Auts!), default);
        var fresh = _authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.AkaV1Md5, await generator.GenerateAsync(Impi, credentials, default));
        var retry = Verify(DigestClient.RespondAka(fresh, Request(), usim).Credentials, DigestSecret.ForAka(credentials));

        Assert.Equal(UsimAuthenticationOutcome.SyncFailure, answer.Usim.Outcome);
        Assert.Equal((DigestVerificationStatus.SyncFailure, 401), (result.Status, result.SipStatusCode));
        Assert.Equal(SequenceNumber.Compose(500, 1, 5), result.SqnMs);
        Assert.Equal(DigestVerificationStatus.Success, retry.Status);
        Assert.Equal(DigestVerificationStatus.UnknownNonce, Verify(answer.Credentials, DigestSecret.ForAka(credentials)).Status);
    }

    [Fact]
    public void ForgedAutsIsAResynchronizationFailureAnd403()
    {
        var (challenge, credentials) = AkaChallenge(Ts35208TestSet.Get(3));
        var forged = DigestClient.Respond(new DigestChallenge { Realm = Realm, Nonce = challenge.Nonce, QopOptions = ["auth"] }, Request(), "");
        var withAuts = DigestCredentials.Parse(forged.ToHeaderValue().Replace("algorithm=MD5", "", StringComparison.Ordinal) + ", algorithm=AKAv1-MD5, auts=\"" + Convert.ToBase64String(new byte[AkaLength.Auts]) + "\"").Value!;

        var result = Verify(withAuts, DigestSecret.ForAka(credentials));

        Assert.Equal((DigestVerificationStatus.ResynchronizationFailed, 403), (result.Status, result.SipStatusCode));
    }

    [Fact]
    public void AutsThatIsNotFourteenOctetsIsMalformed()
    {
        var (challenge, credentials) = AkaChallenge(Ts35208TestSet.Get(3));
        var text = $"Digest username=\"{Impi}\", realm=\"{Realm}\", nonce=\"{challenge.Nonce}\", uri=\"{Uri}\", response=\"\", algorithm=AKAv1-MD5, auts=\"AAAA\"";

        var result = Verify(DigestCredentials.Parse(text).Value!, DigestSecret.ForAka(credentials));

        Assert.Equal((DigestVerificationStatus.MalformedCredentials, 400), (result.Status, result.SipStatusCode));
    }

    [Fact]
    public void UeThatRejectsTheNetworkAnswersWithAResponseThatFails()
    {
        var (challenge, credentials) = AkaChallenge(Ts35208TestSet.Get(6));
        var otherUsim = new UsimAka(AkaVectorGeneratorTests.Credentials(Ts35208TestSet.Get(7)), new UsimOptions());

        var answer = DigestClient.RespondAka(challenge, Request(), otherUsim);

        Assert.Equal(UsimAuthenticationOutcome.MacFailure, answer.Usim.Outcome);
        Assert.Equal(DigestVerificationStatus.WrongResponse, Verify(answer.Credentials, DigestSecret.ForAka(credentials)).Status);
    }

    private (DigestChallenge Challenge, AkaCredentials Credentials) AkaChallenge(Ts35208TestSet set)
    {
        var credentials = AkaVectorGeneratorTests.Credentials(set);
        using var milenage = credentials.CreateMilenage();
        var vector = AkaVectorGenerator.Generate(milenage, Bytes(set.Rand), SequenceNumber.Compose(3, 3, 5), Bytes(set.Amf));
        return (_authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.AkaV1Md5, vector), credentials);
    }

    private static byte[] DigestAkaNonceRand(DigestChallenge challenge)
    {
        Assert.True(DigestAkaNonce.TryRead(challenge.Nonce, out var rand, out _));
        return rand;
    }

    private DigestVerificationResult Verify(DigestCredentials credentials, DigestSecret? secret) =>
        _authenticator.Verify(credentials, "REGISTER", [], secret);

    private static DigestClientRequest Request() => new(Impi, "REGISTER", Uri, "0a4f113b");
}
