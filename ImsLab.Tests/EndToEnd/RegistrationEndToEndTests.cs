using System.Globalization;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.EndToEnd;

/// <summary>
/// TS 24.228 6.2/6.3 registration against the real engine over loopback UDP and TCP, with raw SIP bytes and the UE side
/// of AKA and digest; storage in memory (the PostgreSQL suite repeats the core flows against a real database).
/// </summary>
public sealed class RegistrationEndToEndTests : IAsyncLifetime
{
    private ImsCoreHarness _core = null!;

    public async Task InitializeAsync() => _core = await ImsCoreHarness.StartAsync(ImsCoreHarness.InMemory());

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private InMemoryBindingStore Store => (InMemoryBindingStore)_core.Stores.Bindings;

    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    public async Task AkaRegistrationFollowsTheSeedFlow(SipTransportProtocol protocol)
    {
        await using var ue = await RawUe.ConnectAsync(_core, protocol);

        var first = await ue.SendAsync(ue.Register());
        var challenge = RawUe.ChallengeOf(first);
        Assert.Equal("AKAv1-MD5", challenge.AlgorithmName);
        Assert.Equal(TestSubscribers.Realm, challenge.Realm);
        Assert.Contains("auth", challenge.QopOptions);
        Assert.Null(challenge.Ik);
        Assert.Null(challenge.Ck);
        Assert.NotNull(first.To!.Tag);

        var answer = ue.AnswerAka(challenge);
        var ok = await ue.SendAsync(ue.Register(answer.Credentials.ToHeaderValue()));

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal($"<{TestSubscribers.AkaImpu}>, <{TestSubscribers.AkaImpu2}>, <{TestSubscribers.AkaTel}>", ok.Headers.GetFirst("P-Associated-URI"));
        Assert.Equal("<sip:scscf1.home1.net;lr;orig>", ok.Headers.GetFirst("Service-Route"));
        Assert.NotNull(ok.Headers.GetFirst("Date"));
        var contact = Assert.Single(ok.Contacts);
        Assert.Equal(ue.ContactUri, contact.Uri.ToString());
        Assert.Equal(600000, contact.Expires);
        Assert.Equal("urn:gsma:imei:35396707-002435-0", contact.InstanceId);
        var stored = Assert.Single(Store.Bindings);
        Assert.Equal(TestSubscribers.AkaImpi, stored.Impi);
        Assert.Equal(protocol == SipTransportProtocol.Udp ? "UDP" : "TCP", stored.Flow.Transport);
        Assert.Equal(ue.Peer.LocalEndPoint.Port, stored.Flow.RemotePort);
    }

    [Fact]
    public async Task EveryImpuOfTheImplicitSetIsRegisteredTogether()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);

        Assert.Equal(200, (await ue.RegisterWithAkaAsync()).StatusCode);

        Assert.Single(_core.Engine.BindingsOf(TestSubscribers.AkaTel));
        Assert.Single(_core.Engine.BindingsOf(TestSubscribers.AkaImpu2));
        Assert.Empty(_core.Engine.BindingsOf(TestSubscribers.BarredImpu));
    }

    [Fact]
    public async Task Md5RegistrationOfAPasswordUserSucceeds()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp, TestSubscribers.Md5Impi, TestSubscribers.Md5Impu);

        var challenge = RawUe.ChallengeOf(await ue.SendAsync(ue.Register(expires: 3600)));
        Assert.Equal("MD5", challenge.AlgorithmName ?? "MD5");
        var ok = await ue.SendAsync(ue.Register(ue.AnswerPassword(challenge, TestSubscribers.Md5Password).ToHeaderValue(), 3600));

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(3600, Assert.Single(ok.Contacts).Expires);
    }

    [Fact]
    public async Task ReregistrationRefreshesTheSameBindingAfterANewChallenge()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);
        await ue.RegisterWithAkaAsync(expires: 1200);
        var before = Assert.Single(Store.Bindings);

        _core.Clock.Advance(TimeSpan.FromSeconds(600));
        var ok = await ue.RegisterWithAkaAsync(expires: 1200);

        Assert.Equal(200, ok.StatusCode);
        var after = Assert.Single(Store.Bindings);
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.ExpiresAt.AddSeconds(600), after.ExpiresAt);
        Assert.Equal(1200, Assert.Single(ok.Contacts).Expires);
    }

    [Fact]
    public async Task IntegrityProtectedReregistrationNeedsNoNewChallenge()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);
        await ue.RegisterWithAkaAsync();

        // TS 24.229 5.4.1.2.1: the P-CSCF marks a REGISTER that arrived over the security association.
        var ok = await ue.SendAsync(ue.Register(
            $"Digest username=\"{ue.Impi}\", realm=\"{TestSubscribers.Realm}\", nonce=\"\", uri=\"{ue.RequestUri}\", response=\"\", integrity-protected=\"yes\""));

        Assert.Equal(200, ok.StatusCode);
    }

    [Fact]
    public async Task ASecondContactIsAddedBesideTheFirst()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);
        await ue.RegisterWithAkaAsync();

        var ok = await ue.RegisterWithAkaAsync(contact: $"<sip:other@{ue.Peer.SentBy}>");

        Assert.Equal(2, ok.Contacts.Count);
        Assert.Equal(2, Store.Bindings.Count);
    }

    [Fact]
    public async Task ExpiresZeroDeregistersTheContactAndTheImplicitSet()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);
        await ue.RegisterWithAkaAsync();

        var ok = await ue.RegisterWithAkaAsync(expires: 0);

        Assert.Equal(200, ok.StatusCode);
        Assert.Empty(ok.Contacts);
        Assert.Empty(Store.Bindings);
        Assert.Empty(_core.Engine.BindingsOf(TestSubscribers.AkaTel));
        Assert.Equal(0, _core.Engine.RegisteredContacts);
    }

    [Fact]
    public async Task WildcardContactWithExpiresZeroRemovesEveryBinding()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);
        await ue.RegisterWithAkaAsync();
        await ue.RegisterWithAkaAsync(contact: $"<sip:other@{ue.Peer.SentBy}>");

        var ok = await ue.RegisterWithAkaAsync(expires: 0, contact: "*");

        Assert.Equal(200, ok.StatusCode);
        Assert.Empty(Store.Bindings);
    }

    [Fact]
    public async Task BindingExpiresOnTimeWithoutAnyRequest()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);
        await ue.RegisterWithAkaAsync(expires: 300);

        _core.Clock.Advance(TimeSpan.FromSeconds(299));
        Assert.Single(_core.Engine.BindingsOf(TestSubscribers.AkaImpu));

        _core.Clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await _core.NextEventAsync(RegistrationEventType.Expired);

        Assert.Equal(TestSubscribers.AkaImpu, expired.Impu);
        Assert.Empty(_core.Engine.BindingsOf(TestSubscribers.AkaImpu));
        await WaitUntilAsync(() => Store.Bindings.Count == 0);
    }

    [Fact]
    public async Task TooShortExpiryIsAnsweredIntervalTooBriefWithMinExpires()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);

        var response = await ue.RegisterWithAkaAsync(expires: 10);

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.Headers.GetFirst("Min-Expires"));
    }

    [Fact]
    public async Task TooLongExpiryIsShortenedAndTheOkSaysSo()
    {
        await _core.DisposeAsync();
        _core = await ImsCoreHarness.StartAsync(ImsCoreHarness.InMemory(), configure: o => o.Registrar.MaxExpiresSeconds = 7200);
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);

        var ok = await ue.RegisterWithAkaAsync(expires: 600000);

        Assert.Equal(7200, Assert.Single(ok.Contacts).Expires);
    }

    [Fact]
    public async Task PathIsEchoedWithSupportedPath()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);

        var ok = await ue.RegisterWithAkaAsync(extraHeaders: "Path: <sip:pcscf1.visited1.net;lr>");

        Assert.Equal("<sip:pcscf1.visited1.net;lr>", ok.Headers.GetFirst("Path"));
        Assert.Contains("path", ok.Headers.GetFirst("Supported"));
        Assert.Equal(["<sip:pcscf1.visited1.net;lr>"], Store.Bindings.Single().Path);
    }

    [Fact]
    public async Task RegistrationStepsArePublishedWithTheirSipTrace()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);

        await ue.RegisterWithAkaAsync();

        var challenged = await _core.NextEventAsync(RegistrationEventType.Challenged);
        Assert.Equal(TestSubscribers.AkaImpi, challenged.Impi);
        Assert.StartsWith("REGISTER ", challenged.SipTrace![0].Text);
        Assert.StartsWith("SIP/2.0 401", challenged.SipTrace[1].Text);
        var registered = await _core.NextEventAsync(RegistrationEventType.Registered);
        Assert.Equal(TestSubscribers.AkaImpu, registered.Impu);
        Assert.StartsWith("SIP/2.0 200", registered.SipTrace![1].Text);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            timeout.Token.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }
}
