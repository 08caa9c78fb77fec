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

    private UeSimulator Ue(SipTransportProtocol protocol, UeCredentials credentials, string impi, string impu)
    {
        var ue = new UeSimulator(new UeSimulatorOptions
        {
            Impi = impi,
            Impu = impu,
            Domain = TestSubscribers.Realm,
            Registrar = _core.EndPoint(protocol),
            Transport = protocol,
            Credentials = credentials,
            InstanceId = "urn:uuid:00000000-0000-1000-8000-000a95a0e128",
        }, _core.Clock, NullLoggerFactory.Instance);
        _reports.Watch(ue);
        return ue;
    }

    private UeSimulator AkaUe(SipTransportProtocol protocol) =>
        Ue(protocol, new UeAkaCredentials(TestSubscribers.AkaCredentials()), TestSubscribers.AkaImpi, TestSubscribers.AkaImpu);

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
}
