using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;

namespace ImsLab.Tests.EndToEnd;

/// <summary>Every refusal of a REGISTER (TS 24.229 5.3.1.2, 5.4.1.2.3; RFC 3261 10.3), each with a readable reason.</summary>
public sealed class RegistrationErrorTests : IAsyncLifetime
{
    private ImsCoreHarness _core = null!;

    public async Task InitializeAsync() => _core = await ImsCoreHarness.StartAsync(ImsCoreHarness.InMemory());

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Task<RawUe> Ue(string impi = TestSubscribers.AkaImpi, string impu = TestSubscribers.AkaImpu) =>
        RawUe.ConnectAsync(_core, SipTransportProtocol.Udp, impi, impu);

    private static string WarningText(SipResponse response) => response.Headers.GetFirst("Warning") ?? "";

    [Fact]
    public async Task UnknownPrivateIdentityIsForbidden()
    {
        await using var ue = await Ue(impi: "nobody@home1.net");

        var response = await ue.SendAsync(ue.Register());

        Assert.Equal(403, response.StatusCode);
        Assert.Contains("Unknown private identity", WarningText(response));
    }

    [Fact]
    public async Task UnknownPublicIdentityWithoutAuthorizationIsForbidden()
    {
        await using var ue = await Ue(impu: "sip:nobody@home1.net");

        var response = await ue.SendAsync(ue.Register(emptyAuthorization: false));

        Assert.Equal(403, response.StatusCode);
        Assert.Contains("Unknown public identity", WarningText(response));
    }

    [Fact]
    public async Task ImpiIsDerivedFromTheImpuWhenAuthorizationIsAbsent()
    {
        await using var ue = await Ue();

        var response = await ue.SendAsync(ue.Register(emptyAuthorization: false));

        Assert.Equal("AKAv1-MD5", RawUe.ChallengeOf(response).AlgorithmName);
    }

    [Fact]
    public async Task WithoutDerivationAMissingAuthorizationIsForbidden()
    {
        await _core.DisposeAsync();
        _core = await ImsCoreHarness.StartAsync(ImsCoreHarness.InMemory(), configure: o => o.Registrar.DeriveImpiFromImpu = false);
        await using var ue = await Ue();

        var response = await ue.SendAsync(ue.Register(emptyAuthorization: false));

        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public async Task ImpuOfAnotherPrivateIdentityIsForbidden()
    {
        await using var ue = await Ue(impu: TestSubscribers.Md5Impu);

        var response = await ue.SendAsync(ue.Register());

        Assert.Equal(403, response.StatusCode);
        Assert.Contains("does not belong", WarningText(response));
    }

    [Fact]
    public async Task BarredPublicIdentityIsForbidden()
    {
        await using var ue = await Ue(impu: TestSubscribers.BarredImpu);

        var response = await ue.SendAsync(ue.Register());

        Assert.Equal(403, response.StatusCode);
        Assert.Contains("barred", WarningText(response));
    }

    [Fact]
    public async Task RoamingFromANetworkNotAllowedIsForbiddenWithWarning312()
    {
        await using var ue = await Ue(TestSubscribers.RoamerImpi, TestSubscribers.RoamerImpu);

        var response = await ue.SendAsync(ue.Register(extraHeaders: "P-Visited-Network-ID: \"visited2.net\""));

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("312 home1.net \"Roaming not allowed from this network\"", WarningText(response));
    }

    [Fact]
    public async Task RoamingFromAnAllowedNetworkIsChallenged()
    {
        await using var ue = await Ue(TestSubscribers.RoamerImpi, TestSubscribers.RoamerImpu);

        var response = await ue.SendAsync(ue.Register(extraHeaders: "P-Visited-Network-ID: \"visited1.net\""));

        Assert.Equal(401, response.StatusCode);
    }

    [Fact]
    public async Task WrongResponsesGetNewChallengesUntilTheLimitThenForbidden()
    {
        await using var ue = await Ue();
        var challenge = RawUe.ChallengeOf(await ue.SendAsync(ue.Register()));

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var right = ue.AnswerAka(challenge).Credentials;
            var wrong = new DigestCredentials
            {
                Username = right.Username, Realm = right.Realm, Nonce = right.Nonce, Uri = right.Uri, AlgorithmName = right.AlgorithmName,
                Qop = right.Qop, Cnonce = right.Cnonce, NonceCount = right.NonceCount, Response = new string('0', 32),
            };
            var response = await ue.SendAsync(ue.Register(wrong.ToHeaderValue()));
            if (attempt < 3)
            {
                challenge = RawUe.ChallengeOf(response);
            }
            else
            {
                Assert.Equal(403, response.StatusCode);
                Assert.Contains("Authentication failed", WarningText(response));
            }
        }
    }

    [Fact]
    public async Task SynchronisationFailureResynchronisesAndChallengesAgain()
    {
        await using var ue = await Ue();
        // The USIM has seen a much higher SQN than the network will use: AUTN is out of range (TS 33.102 6.3.3).
        for (var ind = 0; ind < 32; ind++)
        {
            ue.Usim.Accept(SequenceNumber.Compose(1_000_000, ind, 5));
        }

        var first = RawUe.ChallengeOf(await ue.SendAsync(ue.Register()));
        var answer = ue.AnswerAka(first);
        Assert.Equal(UsimAuthenticationOutcome.SyncFailure, answer.Usim.Outcome);

        var second = RawUe.ChallengeOf(await ue.SendAsync(ue.Register(answer.Credentials.ToHeaderValue())));
        Assert.NotEqual(first.Nonce, second.Nonce);
        var retry = ue.AnswerAka(second);
        Assert.Equal(UsimAuthenticationOutcome.Success, retry.Usim.Outcome);

        var ok = await ue.SendAsync(ue.Register(retry.Credentials.ToHeaderValue()));
        Assert.Equal(200, ok.StatusCode);
        await _core.NextEventAsync(RegistrationEventType.Resynchronized);
    }

    [Fact]
    public async Task StaleNonceGetsANewChallengeWithStaleTrue()
    {
        await using var ue = await Ue();
        var challenge = RawUe.ChallengeOf(await ue.SendAsync(ue.Register()));
        var answer = ue.AnswerAka(challenge);

        _core.Clock.Advance(TimeSpan.FromMinutes(6));
        var response = await ue.SendAsync(ue.Register(answer.Credentials.ToHeaderValue()));

        var again = RawUe.ChallengeOf(response);
        Assert.True(again.Stale);
    }

    [Fact]
    public async Task MalformedAuthorizationIsBadRequest()
    {
        await using var ue = await Ue();

        var response = await ue.SendAsync(ue.Register("Digest username=\"user1_private@home1.net\", realm=\"home1.net, nonce=\"\""));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("Malformed Authorization", response.ReasonPhrase);
    }

    [Fact]
    public async Task WildcardWithANonZeroExpiryIsBadRequest()
    {
        await using var ue = await Ue();

        var response = await ue.RegisterWithAkaAsync(expires: 600, contact: "*");

        Assert.Equal(400, response.StatusCode);
    }

    [Fact]
    public async Task ReplayedCSeqOnTheSameCallIdIsRefused()
    {
        await using var ue = await Ue();
        var challenge = RawUe.ChallengeOf(await ue.SendAsync(ue.Register()));
        var answer = ue.AnswerAka(challenge);
        var register = ue.Register(answer.Credentials.ToHeaderValue());
        Assert.Equal(200, (await ue.SendAsync(register)).StatusCode);

        // Same Call-ID and CSeq with a new branch: a new transaction that RFC 3261 10.3 step 7 must refuse.
        var replay = register.Replace(register.Split("branch=")[1].Split(';')[0], "z9hG4bKreplay");
        var response = await ue.SendAsync(replay);

        Assert.NotEqual(200, response.StatusCode);
    }
}
