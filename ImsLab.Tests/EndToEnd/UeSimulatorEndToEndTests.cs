using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.RegEvent;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;
using ImsLab.Sip.Ue;
using ImsLab.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImsLab.Tests.EndToEnd;

/// <summary>
/// The shipped UE simulator against the real engine: registration with AKA and MD5, reg-event subscription, and its
/// reaction to network-initiated deregistration and re-authentication.
/// </summary>
public sealed class UeSimulatorEndToEndTests : IAsyncLifetime
{
    private readonly UeReports _reports = new();
    private ImsCoreHarness _core = null!;

    public async Task InitializeAsync() => _core = await ImsCoreHarness.StartAsync(ImsCoreHarness.InMemory());

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private UeSimulator Ue(SipTransportProtocol protocol, UeCredentials credentials, string impi, string impu,
        Func<UeSimulatorOptions, UeSimulatorOptions>? configure = null)
    {
        var options = new UeSimulatorOptions
        {
            Impi = impi,
            Impu = impu,
            Domain = TestSubscribers.Realm,
            Registrar = _core.EndPoint(protocol),
            Transport = protocol,
            Credentials = credentials,
            InstanceId = "urn:uuid:00000000-0000-1000-8000-000a95a0e128",
        };
        var ue = new UeSimulator(configure?.Invoke(options) ?? options, _core.Clock, NullLoggerFactory.Instance);
        _reports.Watch(ue);
        return ue;
    }

    private UeSimulator AkaUe(SipTransportProtocol protocol, Func<UeSimulatorOptions, UeSimulatorOptions>? configure = null) =>
        Ue(protocol, new UeAkaCredentials(TestSubscribers.AkaCredentials()), TestSubscribers.AkaImpi, TestSubscribers.AkaImpu, configure);

    private Task<UeNotification> NextNotificationAsync(Func<UeNotification, bool> match) => _reports.NextNotificationAsync(match);

    private Task<UeStateChange> NextStateAsync(UeRegistrationState state) => _reports.NextStateAsync(state);

    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    public async Task UeRegistersWithAkaAndGetsTheFullStateNotify(SipTransportProtocol protocol)
    {
        await using var ue = AkaUe(protocol);

        Assert.Equal(UeRegistrationState.Registered, await ue.StartAsync(CancellationToken.None));
        var notification = await NextNotificationAsync(n => n.Document is not null);

        Assert.Contains(TestSubscribers.AkaTel, ue.AssociatedUris);
        Assert.Contains(ue.ServiceRoute, r => r.Contains("scscf1.home1.net", StringComparison.Ordinal));
        Assert.Equal(ReginfoDocumentState.Full, notification.Document!.State);
        Assert.Single(_core.Engine.BindingsOf(TestSubscribers.AkaImpu));
    }

    [Fact]
    public async Task PasswordUeRegistersWithMd5()
    {
        await using var ue = Ue(SipTransportProtocol.Udp, new UePasswordCredentials(TestSubscribers.Md5Password), TestSubscribers.Md5Impi,
            TestSubscribers.Md5Impu);

        Assert.Equal(UeRegistrationState.Registered, await ue.StartAsync(CancellationToken.None));
        Assert.Single(_core.Engine.BindingsOf(TestSubscribers.Md5Impu));
    }

    [Fact]
    public async Task RejectedByTheNetworkTheUeStops()
    {
        await using var ue = AkaUe(SipTransportProtocol.Udp);
        await ue.StartAsync(CancellationToken.None);
        await NextNotificationAsync(n => n.Document is not null);

        await _core.Engine.NetworkProcedures.DeregisterAsync(TestSubscribers.AkaImpi, null, null, NetworkDeregistrationReason.Rejected);

        var change = await NextStateAsync(UeRegistrationState.Deregistered);
        Assert.Equal(UeFailureReason.NetworkRejected, change.Reason);
        Assert.Empty(_core.Engine.BindingsOf(TestSubscribers.AkaImpu));
    }

    [Fact]
    public async Task DeactivatedByTheNetworkTheUeRegistersAgain()
    {
        await using var ue = AkaUe(SipTransportProtocol.Udp);
        await ue.StartAsync(CancellationToken.None);
        await NextNotificationAsync(n => n.Document is not null);
        _core.ForgetEvents();

        await _core.Engine.NetworkProcedures.DeregisterAsync(TestSubscribers.AkaImpi, null, null, NetworkDeregistrationReason.Deactivated);

        await _core.NextEventAsync(RegistrationEventType.NetworkDeregistered);
        await _core.NextEventAsync(RegistrationEventType.Registered);
        Assert.Single(_core.Engine.BindingsOf(TestSubscribers.AkaImpu));
    }

    [Fact]
    public async Task ReauthenticationMakesTheUeAuthenticateAgain()
    {
        await using var ue = AkaUe(SipTransportProtocol.Udp);
        await ue.StartAsync(CancellationToken.None);
        await NextNotificationAsync(n => n.Document is not null);

        await _core.Engine.NetworkProcedures.ReauthenticateAsync(TestSubscribers.AkaImpi);
        await NextNotificationAsync(n => n.Document?.Registrations.Any(r => r.Contacts.Any(c => c.Event == ContactEvent.Shortened)) == true);
        await _core.NotifiesSettledAsync();
        _core.ForgetEvents();
        _core.Clock.Advance(TimeSpan.FromSeconds(60));

        var challenged = await _core.NextEventAsync(RegistrationEventType.Challenged);
        Assert.Equal(TestSubscribers.AkaImpi, challenged.Impi);
        await _core.NextEventAsync(RegistrationEventType.Refreshed);
        Assert.False(Assert.Single(_core.Engine.BindingsOf(TestSubscribers.AkaImpu)).ReauthenticationRequired);
    }

    [Fact]
    public async Task AkaReregistrationAndDeregistrationReuseTheNonceWithoutANewChallengeOrSqn()
    {
        // 120 s are refreshed at half time (TS 24.229 5.1.1.4.1), well within the nonce's lifetime.
        await using var ue = AkaUe(SipTransportProtocol.Udp, o => o with { Expires = 120, SubscribeToRegEvent = false });
        Assert.Equal(UeRegistrationState.Registered, await ue.StartAsync(CancellationToken.None));
        var sequenceNumbers = (InMemorySequenceNumberStore)_core.Stores.SequenceNumbers;
        var sqnAfterRegistration = sequenceNumbers.LastIssued(TestSubscribers.AkaImpi);
        _core.ForgetEvents();

        _core.Clock.Advance(TimeSpan.FromSeconds(60));
        await _core.NextEventAsync(RegistrationEventType.Refreshed);
        await ue.StopAsync(CancellationToken.None);
        await _core.NextEventAsync(RegistrationEventType.Deregistered);

        // One challenge, answered with nc 1; the refresh and the deregistration reuse its nonce with nc 2 and 3.
        var received = ue.Trace.Where(t => t.Direction == UeSipDirection.Received).Select(t => t.StartLine).ToList();
        Assert.Single(received, line => line.StartsWith("SIP/2.0 401", StringComparison.Ordinal));
        var answers = ue.Trace.Where(t => t.Direction == UeSipDirection.Sent && t.StartLine.StartsWith("REGISTER", StringComparison.Ordinal))
            .Select(t => AuthorizationOf(t.Text)).Where(c => !c.IsUnchallenged).ToList();
        Assert.Equal([1u, 2u, 3u], answers.Select(c => c.NonceCount!.Value));
        Assert.Single(answers.Select(c => c.Nonce).Distinct());
        Assert.Equal(3, answers.Select(c => c.Cnonce).Distinct().Count());
        Assert.Equal(sqnAfterRegistration, sequenceNumbers.LastIssued(TestSubscribers.AkaImpi));
        Assert.Empty(_core.Engine.BindingsOf(TestSubscribers.AkaImpu));
    }

    private static DigestCredentials AuthorizationOf(string message)
    {
        var line = message.Split("\r\n").Single(l => l.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase));
        var parsed = DigestCredentials.Parse(line["Authorization:".Length..].Trim());
        Assert.True(parsed.IsSuccess, parsed.Error.ToString());
        return parsed.Value!;
    }
}
