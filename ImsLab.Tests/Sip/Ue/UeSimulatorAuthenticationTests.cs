using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Transport;
using ImsLab.Sip.Ue;

namespace ImsLab.Tests.Sip.Ue;

public sealed class UeSimulatorAuthenticationTests
{
    private const long FirstSqn = 32;

    [Theory]
    [InlineData(SipTransportProtocol.Udp, DigestAlgorithm.AkaV1Md5)]
    [InlineData(SipTransportProtocol.Tcp, DigestAlgorithm.AkaV1Md5)]
    [InlineData(SipTransportProtocol.Udp, DigestAlgorithm.AkaV2Md5)]
    public async Task RegistersWithAka(SipTransportProtocol protocol, DigestAlgorithm algorithm)
    {
        await using var bed = UeTestBed.CreateWithoutRegEvent(protocol: protocol);
        var network = new ScriptedAuthenticationCenter(bed.Time);
        var initial = await bed.StartAsync();

        var answered = await bed.ChallengeAsync(initial, network.ChallengeAka(FirstSqn, algorithm));
        var verdict = network.Verify(answered.Request);
        await bed.AcceptAsync(answered);

        Assert.Equal(DigestVerificationStatus.Success, verdict.Status);
        var credentials = ScriptedAuthenticationCenter.Credentials(answered.Request);
        Assert.Equal(UeTestBed.Impi, credentials.Username);
        Assert.Equal(algorithm, credentials.Algorithm);
        Assert.Equal(DigestQop.Auth, credentials.Qop);
        Assert.Equal(1u, credentials.NonceCount);
        Assert.Equal("5ccc069c403ebaf9f0171e9517f40e41", credentials.Opaque);
        Assert.Equal(initial.Request.CallId, answered.Request.CallId);
        Assert.Equal(initial.Request.CSeq!.Value.Number + 1, answered.Request.CSeq!.Value.Number);
        Assert.Equal(UeRegistrationState.Registered, await bed.Started!);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5)]
    [InlineData(DigestAlgorithm.Sha256)]
    public async Task RegistersWithAPassword(DigestAlgorithm algorithm)
    {
        await using var bed = UeTestBed.CreateWithoutRegEvent(new UePasswordCredentials(ScriptedAuthenticationCenter.Password));
        var network = new ScriptedAuthenticationCenter(bed.Time);
        var initial = await bed.StartAsync();

        var answered = await bed.ChallengeAsync(initial, network.ChallengePassword(algorithm));
        var verdict = network.Verify(answered.Request);
        await bed.AcceptAsync(answered);

        Assert.Equal(DigestVerificationStatus.Success, verdict.Status);
        Assert.Equal(algorithm, ScriptedAuthenticationCenter.Credentials(answered.Request).Algorithm);
        Assert.Equal(UeRegistrationState.Registered, await bed.Started!);
    }

    [Fact]
    public async Task PicksTheMostPreferredOfSeveralChallenges()
    {
        await using var bed = UeTestBed.Create(configure: registrar =>
            UeTestBed.CreateOptions(registrar, credentials: new UePasswordCredentials(ScriptedAuthenticationCenter.Password))
                with { SubscribeToRegEvent = false, AlgorithmPreference = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5] });
        var network = new ScriptedAuthenticationCenter(bed.Time);
        var initial = await bed.StartAsync();

        await bed.Peer.RespondAsync(initial, 401, r =>
        {
            r.Headers.Add(SipHeaderNames.WwwAuthenticate, network.ChallengePassword(DigestAlgorithm.Md5));
            r.Headers.Add(SipHeaderNames.WwwAuthenticate, network.ChallengePassword(DigestAlgorithm.Sha256));
        });
        var answered = await bed.Peer.ReceiveAsync("REGISTER");

        Assert.Equal(DigestAlgorithm.Sha256, ScriptedAuthenticationCenter.Credentials(answered.Request).Algorithm);
        Assert.Equal(DigestVerificationStatus.Success, network.Verify(answered.Request).Status);
    }

    [Fact]
    public async Task AnAkaChallengeWithoutAkaCredentialsFailsTheRegistration()
    {
        await using var bed = UeTestBed.CreateWithoutRegEvent(new UePasswordCredentials(ScriptedAuthenticationCenter.Password));
        var network = new ScriptedAuthenticationCenter(bed.Time);
        var initial = await bed.StartAsync();

        await bed.Peer.RespondAsync(initial, 401, r => r.Headers.Add(SipHeaderNames.WwwAuthenticate, network.ChallengeAka(FirstSqn)));

        Assert.Equal(UeRegistrationState.Failed, await bed.Started!);
        Assert.Equal(UeFailureReason.MissingCredentials, bed.Ue.FailureReason);
    }

    [Fact]
    public async Task SyncFailureSendsAutsAndTheResynchronisedChallengeSucceeds()
    {
        const long sqnMs = 32 * 1000;
        await using var bed = UeTestBed.CreateWithoutRegEvent(UeTestBed.AkaCredentials(initialSqnMs: sqnMs));
        var network = new ScriptedAuthenticationCenter(bed.Time);
        var initial = await bed.StartAsync();

        // The network's SQN is behind the USIM's: TS 33.102 6.3.3 synchronisation failure.
        var resync = await bed.ChallengeAsync(initial, network.ChallengeAka(FirstSqn));
        var resyncVerdict = network.Verify(resync.Request);
        Assert.NotNull(ScriptedAuthenticationCenter.Credentials(resync.Request).Auts);
        Assert.Equal(DigestVerificationStatus.SyncFailure, resyncVerdict.Status);
        Assert.Equal(sqnMs, resyncVerdict.SqnMs);

        var answered = await bed.ChallengeAsync(resync, network.ChallengeAka(resyncVerdict.SqnMs + 32));
        var verdict = network.Verify(answered.Request);
        await bed.AcceptAsync(answered);

        Assert.Null(ScriptedAuthenticationCenter.Credentials(answered.Request).Auts);
        Assert.Equal(DigestVerificationStatus.Success, verdict.Status);
        Assert.Equal(UeRegistrationState.Registered, await bed.Started!);
    }

    [Fact]
    public async Task MacFailureIsReportedWithAnEmptyResponseAndNoAutsThenThe403FailsTheRegistration()
    {
        await using var bed = UeTestBed.CreateWithoutRegEvent();
        var network = new ScriptedAuthenticationCenter(bed.Time);
        var initial = await bed.StartAsync();
        var wrongK = Convert.FromHexString("00112233445566778899aabbccddeeff");

        var report = await bed.ChallengeAsync(initial, network.ChallengeAka(FirstSqn, k: wrongK));
        await bed.Peer.RespondAsync(report, 403);

        // TS 24.229 5.1.1.5.3: the challenge is deemed invalid - empty response, no auts.
        var credentials = ScriptedAuthenticationCenter.Credentials(report.Request);
        Assert.Equal(string.Empty, credentials.Response);
        Assert.Null(credentials.Auts);
        Assert.NotEqual(string.Empty, credentials.Nonce);
        Assert.Equal(UeRegistrationState.Failed, await bed.Started!);
        Assert.Equal(UeFailureReason.NetworkAuthenticationFailed, bed.Ue.FailureReason);
    }

    [Fact]
    public async Task MacFailureFollowedByAGoodChallengeStillRegisters()
    {
        await using var bed = UeTestBed.CreateWithoutRegEvent();
        var network = new ScriptedAuthenticationCenter(bed.Time);
        var initial = await bed.StartAsync();

        var report = await bed.ChallengeAsync(initial, network.ChallengeAka(FirstSqn, k: new byte[16]));
        var answered = await bed.ChallengeAsync(report, network.ChallengeAka(FirstSqn));
        var verdict = network.Verify(answered.Request);
        await bed.AcceptAsync(answered);

        Assert.Equal(DigestVerificationStatus.Success, verdict.Status);
        Assert.Equal(UeRegistrationState.Registered, await bed.Started!);
    }

    [Fact]
    public async Task GivesUpWhenTheNetworkKeepsChallenging()
    {
        await using var bed = UeTestBed.Create(configure: registrar => UeTestBed.CreateOptions(registrar) with { SubscribeToRegEvent = false, MaxConsecutiveChallenges = 2 });
        var network = new ScriptedAuthenticationCenter(bed.Time);
        var request = await bed.StartAsync();

        for (var sqn = FirstSqn; sqn <= FirstSqn * 3; sqn += FirstSqn)
        {
            await bed.Peer.RespondAsync(request, 401, r => r.Headers.Add(SipHeaderNames.WwwAuthenticate, network.ChallengeAka(sqn)));
            if (sqn < FirstSqn * 3) request = await bed.Peer.ReceiveAsync("REGISTER");
        }

        Assert.Equal(UeRegistrationState.Failed, await bed.Started!);
        Assert.Equal(UeFailureReason.TooManyChallenges, bed.Ue.FailureReason);
    }

    [Theory]
    [InlineData(DigestAlgorithm.AkaV1Md5)]
    [InlineData(DigestAlgorithm.AkaV2Md5)]
    public async Task AkaReregistrationReusesTheNonceWithTheNextNonceCountAndAResponseTheNetworkAccepts(DigestAlgorithm algorithm)
    {
        await using var bed = UeTestBed.CreateWithoutRegEvent();
        var network = new ScriptedAuthenticationCenter(bed.Time);
        var initial = await bed.StartAsync();
        var answered = await bed.ChallengeAsync(initial, network.ChallengeAka(FirstSqn, algorithm));
        Assert.Equal(DigestVerificationStatus.Success, network.Verify(answered.Request).Status);
        await bed.AcceptAsync(answered, grantedExpires: 240);
        await bed.NextStateAsync(UeRegistrationState.Registered);

        // Half of 240 s (TS 24.229 5.1.1.4.1), within the nonce's lifetime.
        bed.Time.Advance(TimeSpan.FromSeconds(120));
        var refresh = await bed.Peer.ReceiveAsync("REGISTER");

        // RFC 7616 3.4 / RFC 3310 3.2: the same nonce, the next nc, a new cnonce, the response over the same AKA
        // password; a repeated nc would be a replay to a registrar that verifies it.
        var first = ScriptedAuthenticationCenter.Credentials(answered.Request);
        var again = ScriptedAuthenticationCenter.Credentials(refresh.Request);
        Assert.Equal(first.Nonce, again.Nonce);
        Assert.Equal(algorithm, again.Algorithm);
        Assert.Equal(2u, again.NonceCount);
        Assert.NotEqual(first.Cnonce, again.Cnonce);
        Assert.NotEqual(first.Response, again.Response);
        Assert.Equal(DigestVerificationStatus.Success, network.Verify(refresh.Request).Status);
    }

    [Fact]
    public async Task AkaDeregistrationAfterAReregistrationUsesTheNonceCountAfterIt()
    {
        await using var bed = UeTestBed.CreateWithoutRegEvent();
        var network = new ScriptedAuthenticationCenter(bed.Time);
        var answered = await bed.ChallengeAsync(await bed.StartAsync(), network.ChallengeAka(FirstSqn));
        network.Verify(answered.Request);
        await bed.AcceptAsync(answered, grantedExpires: 240);
        await bed.NextStateAsync(UeRegistrationState.Registered);
        bed.Time.Advance(TimeSpan.FromSeconds(120));
        var refresh = await bed.Peer.ReceiveAsync("REGISTER");
        network.Verify(refresh.Request);
        await bed.AcceptAsync(refresh, grantedExpires: 240);
        await bed.NextStateAsync(UeRegistrationState.Registered);

        var stopping = bed.Ue.StopAsync(CancellationToken.None);
        var deregister = await bed.Peer.ReceiveAsync("REGISTER");
        await bed.Peer.RespondAsync(deregister, 200);
        await stopping;

        Assert.Equal(3u, ScriptedAuthenticationCenter.Credentials(deregister.Request).NonceCount);
        Assert.Equal(DigestVerificationStatus.Success, network.Verify(deregister.Request).Status);
    }

    [Fact]
    public async Task ShortenedRegistrationIsReauthenticatedAtTheNewRefreshTime()
    {
        await using var bed = UeTestBed.Create();
        var network = new ScriptedAuthenticationCenter(bed.Time);
        var (register, subscribe) = await bed.RegisterAndSubscribeAsync();

        // TS 24.229 5.4.1.6: the operator forces re-authentication; the contact is shortened to 60 s.
        await bed.NotifyAsync(subscribe, 1, "active", UeTestBed.ContactXml(register, "active", "shortened", expires: 60));
        await bed.NextNotificationAsync();
        bed.Time.Advance(TimeSpan.FromSeconds(30));
        var refresh = await bed.Peer.ReceiveAsync("REGISTER");
        var answered = await bed.ChallengeAsync(refresh, network.ChallengeAka(FirstSqn));
        var verdict = network.Verify(answered.Request);
        await bed.AcceptAsync(answered);
        await bed.NextStateAsync(UeRegistrationState.Registered);

        Assert.Equal(DigestVerificationStatus.Success, verdict.Status);
        Assert.Equal(register.Request.CallId, answered.Request.CallId);
        Assert.Equal(bed.Time.GetUtcNow().AddSeconds(599_400), bed.Ue.NextRegistrationRefreshAt);
    }
}
