using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.EndToEnd;

/// <summary>
/// RFC 8760 2.4 / RFC 7616 3.7 over a real socket: a password subscriber allowed MD5 and SHA-256 is offered one
/// challenge per algorithm, SHA-256 first, each with its own nonce; an answer verifies in the algorithm the client
/// picked, and only in one the subscriber allows.
/// </summary>
public sealed class PasswordAlgorithmChallengeTests : IAsyncLifetime
{
    private static readonly string[] BothAlgorithms = ["SHA-256", "MD5"];

    private ImsCoreHarness _core = null!;

    public async Task InitializeAsync() => _core = await ImsCoreHarness.StartAsync(ImsCoreHarness.InMemory());

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private InMemorySubscriberDirectory Directory => (InMemorySubscriberDirectory)_core.Stores.Directory;

    private Task<RawUe> Ue() => RawUe.ConnectAsync(_core, SipTransportProtocol.Udp, TestSubscribers.PasswordImpi, TestSubscribers.PasswordImpu);

    private static DigestChallenge Offered(IReadOnlyList<DigestChallenge> challenges, string algorithm) =>
        challenges.Single(c => c.AlgorithmName == algorithm);

    private static DigestCredentials Answer(RawUe ue, DigestChallenge challenge, uint nonceCount = 1, string password = TestSubscribers.PasswordSecret) =>
        DigestClient.Respond(challenge, new DigestClientRequest(ue.Impi, "REGISTER", ue.RequestUri, Guid.NewGuid().ToString("N"), nonceCount), password);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ASubscriberAllowedMd5AndSha256IsOfferedBothSha256FirstEachWithItsOwnNonce(bool emptyAuthorization)
    {
        await using var ue = await Ue();

        var challenges = RawUe.ChallengesOf(await ue.SendAsync(ue.Register(expires: 3600, emptyAuthorization: emptyAuthorization)));

        Assert.Equal(BothAlgorithms, challenges.Select(c => c.AlgorithmName));
        Assert.All(challenges, c => Assert.Equal(TestSubscribers.Realm, c.Realm));
        Assert.All(challenges, c => Assert.False(c.Stale));
        Assert.NotEqual(challenges[0].Nonce, challenges[1].Nonce);
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("SHA-256")]
    public async Task AnsweringEitherChallengeRegisters(string algorithm)
    {
        await using var ue = await Ue();
        var challenges = RawUe.ChallengesOf(await ue.SendAsync(ue.Register(expires: 3600)));

        var ok = await ue.SendAsync(ue.Register(Answer(ue, Offered(challenges, algorithm)).ToHeaderValue(), 3600));

        Assert.Equal(200, ok.StatusCode);
        Assert.Single(_core.Engine.BindingsOf(TestSubscribers.PasswordImpu));
    }

    [Fact]
    public async Task AnMd5OnlyClientThatSkipsTheChallengeItCannotUseRegisters()
    {
        await using var ue = await Ue();
        // A softphone's first REGISTER: no Authorization at all.
        var challenges = RawUe.ChallengesOf(await ue.SendAsync(ue.Register(expires: 3600, emptyAuthorization: false)));

        // A client that knows MD5 alone passes over what it cannot read (RFC 8760 2.4: it uses the first it supports).
        var md5 = challenges.First(c => c.Algorithm == DigestAlgorithm.Md5);
        var ok = await ue.SendAsync(ue.Register(Answer(ue, md5).ToHeaderValue(), 3600));

        Assert.Equal(200, ok.StatusCode);
    }

    [Fact]
    public async Task AnAlgorithmNamedInTheInitialAuthorizationIsOfferedAlone()
    {
        await using var ue = await Ue();

        var response = await ue.SendAsync(ue.Register(
            $"Digest username=\"{ue.Impi}\", realm=\"{TestSubscribers.Realm}\", nonce=\"\", uri=\"{ue.RequestUri}\", response=\"\", algorithm=MD5", 3600));

        Assert.Equal(["MD5"], RawUe.ChallengesOf(response).Select(c => c.AlgorithmName));
    }

    [Fact]
    public async Task AnAnswerInAnotherAlgorithmThanItsNonceIsChallengedAgainWithBoth()
    {
        await using var ue = await Ue();
        var challenges = RawUe.ChallengesOf(await ue.SendAsync(ue.Register(expires: 3600)));
        var md5 = Offered(challenges, "MD5");
        var sha256OnTheMd5Nonce = new DigestChallenge { Realm = md5.Realm, Nonce = md5.Nonce, AlgorithmName = "SHA-256", QopOptions = md5.QopOptions };

        var response = await ue.SendAsync(ue.Register(Answer(ue, sha256OnTheMd5Nonce).ToHeaderValue(), 3600));

        Assert.Equal(BothAlgorithms, RawUe.ChallengesOf(response).Select(c => c.AlgorithmName));
        Assert.Empty(_core.Engine.BindingsOf(TestSubscribers.PasswordImpu));
    }

    [Fact]
    public async Task TheChosenNonceServesTheNextNonceCountButNotARepeatedOne()
    {
        await using var ue = await Ue();
        var md5 = Offered(RawUe.ChallengesOf(await ue.SendAsync(ue.Register(expires: 3600))), "MD5");
        Assert.Equal(200, (await ue.SendAsync(ue.Register(Answer(ue, md5, nonceCount: 1).ToHeaderValue(), 3600))).StatusCode);

        var reregistered = await ue.SendAsync(ue.Register(Answer(ue, md5, nonceCount: 2).ToHeaderValue(), 3600));
        var replayed = await ue.SendAsync(ue.Register(Answer(ue, md5, nonceCount: 2).ToHeaderValue(), 3600));

        Assert.Equal(200, reregistered.StatusCode);
        Assert.Equal(BothAlgorithms, RawUe.ChallengesOf(replayed).Select(c => c.AlgorithmName));
    }

    [Fact]
    public async Task WrongResponsesAreChallengedAgainWithBothUntilTheLimitThenForbidden()
    {
        await using var ue = await Ue();
        var challenges = RawUe.ChallengesOf(await ue.SendAsync(ue.Register(expires: 3600)));

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var wrong = Answer(ue, Offered(challenges, "MD5"), password: "wrong-password");
            var response = await ue.SendAsync(ue.Register(wrong.ToHeaderValue(), 3600));
            if (attempt < 3)
            {
                challenges = RawUe.ChallengesOf(response);
                Assert.Equal(BothAlgorithms, challenges.Select(c => c.AlgorithmName));
            }
            else
            {
                Assert.Equal(403, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task AStaleAnswerIsChallengedAgainWithBothMarkedStale()
    {
        await using var ue = await Ue();
        var md5 = Offered(RawUe.ChallengesOf(await ue.SendAsync(ue.Register(expires: 3600))), "MD5");
        var answer = Answer(ue, md5);

        _core.Clock.Advance(TimeSpan.FromMinutes(6));
        var again = RawUe.ChallengesOf(await ue.SendAsync(ue.Register(answer.ToHeaderValue(), 3600)));

        Assert.Equal(BothAlgorithms, again.Select(c => c.AlgorithmName));
        Assert.All(again, c => Assert.True(c.Stale));
    }

    [Fact]
    public async Task AnAnswerInAnAlgorithmTheSubscriberNoLongerAllowsIsForbidden()
    {
        await using var ue = await Ue();
        var md5 = Offered(RawUe.ChallengesOf(await ue.SendAsync(ue.Register(expires: 3600))), "MD5");

        // Provisioning withdraws MD5 between the challenge and the answer; the MD5 HA1 is still stored.
        Directory.Replace(TestSubscribers.Password(AuthScheme.Sha256));
        var response = await ue.SendAsync(ue.Register(Answer(ue, md5).ToHeaderValue(), 3600));

        Assert.Equal(403, response.StatusCode);
        Assert.Contains("MD5 is not allowed", response.Headers.GetFirst(SipHeaderNames.Warning));
        Assert.Empty(_core.Engine.BindingsOf(TestSubscribers.PasswordImpu));
    }

    [Fact]
    public async Task ASha256OnlySubscriberIsOfferedSha256AloneAndAnMd5AnswerIsForbidden()
    {
        Directory.Replace(TestSubscribers.Password(AuthScheme.Sha256));
        await using var ue = await Ue();
        var sha256 = Assert.Single(RawUe.ChallengesOf(await ue.SendAsync(ue.Register(expires: 3600))));
        Assert.Equal("SHA-256", sha256.AlgorithmName);
        var md5OnTheSha256Nonce = new DigestChallenge { Realm = sha256.Realm, Nonce = sha256.Nonce, AlgorithmName = "MD5", QopOptions = sha256.QopOptions };

        var response = await ue.SendAsync(ue.Register(Answer(ue, md5OnTheSha256Nonce).ToHeaderValue(), 3600));

        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public async Task AnAkaSubscriberThatAlsoAllowsPasswordsIsChallengedWithAkaAlone()
    {
        // TS 24.229 5.4.1.2.1: an IMS subscriber gets the AKA challenge; a password challenge beside it would be a downgrade.
        Directory.Replace(TestSubscribers.Aka() with
        {
            AllowedSchemes = AuthScheme.AkaV1Md5 | AuthScheme.Md5 | AuthScheme.Sha256,
            Digest = TestSubscribers.Password().Digest! with { Username = TestSubscribers.AkaImpi },
        });
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);

        var challenges = RawUe.ChallengesOf(await ue.SendAsync(ue.Register()));

        Assert.Equal(["AKAv1-MD5"], challenges.Select(c => c.AlgorithmName));
    }
}
