using System.Net;
using ImsLab.Data;
using ImsLab.Data.Provisioning;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;
using ImsLab.Tests.Data;
using ImsLab.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ImsLab.Tests.EndToEnd;

/// <summary>
/// The engine on the real data layer and a real PostgreSQL: registration durable before its 200 OK, deregistration,
/// network-initiated procedures and a restart in the middle that keeps bindings, subscriptions and expiry timers.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRegistrationTests(PgFixture postgres) : IAsyncLifetime
{
    private DataTestHost _data = null!;

    public async Task InitializeAsync()
    {
        _data = await DataTestHost.CreateAsync(DatabaseProvider.PostgreSql, postgres);
        await ProvisionAsync(_data);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    internal static Task ProvisionAsync(DataTestHost data) => ProvisionAsync(data.Services);

    internal static async Task ProvisionAsync(IServiceProvider services)
    {
        var provisioning = services.GetRequiredService<SubscriberProvisioningService>();
        var aka = await provisioning.CreateAsync(new SubscriberInput
        {
            Impi = TestSubscribers.AkaImpi,
            AllowedSchemes = AuthScheme.AkaV1Md5,
            K = Convert.ToHexStringLower(TestSubscribers.K),
            Opc = Convert.ToHexStringLower(TestSubscribers.Opc),
            Amf = Convert.ToHexStringLower(TestSubscribers.Amf),
            PublicIdentities =
            [
                new PublicIdentityInput { Uri = TestSubscribers.AkaImpu },
                new PublicIdentityInput { Uri = TestSubscribers.AkaTel },
            ],
        }, "test", CancellationToken.None);
        Assert.IsType<ProvisioningResult<SubscriberView>.Created>(aka);
        var md5 = await provisioning.CreateAsync(new SubscriberInput
        {
            Impi = TestSubscribers.Md5Impi,
            AllowedSchemes = AuthScheme.Md5,
            Password = TestSubscribers.Md5Password,
            DigestRealm = TestSubscribers.Realm,
            PublicIdentities = [new PublicIdentityInput { Uri = TestSubscribers.Md5Impu }],
        }, "test", CancellationToken.None);
        Assert.IsType<ProvisioningResult<SubscriberView>.Created>(md5);
    }

    internal static HarnessStores StoresOf(DataTestHost data) => new(data.Get<ISubscriberDirectory>(), data.Get<IBindingStore>(),
        data.Get<IRegEventSubscriptionStore>(), data.Get<ISequenceNumberStore>());

    private async Task<IReadOnlyList<RegistrationBinding>> StoredBindingsAsync(DateTimeOffset now) =>
        await _data.Get<IBindingStore>().LoadActiveAsync(now.AddDays(-30), CancellationToken.None);

    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    public async Task AkaRegistrationIsDurableWhenTheOkArrives(SipTransportProtocol protocol)
    {
        await using var core = await ImsCoreHarness.StartAsync(StoresOf(_data));
        await using var ue = await RawUe.ConnectAsync(core, protocol);

        var ok = await ue.RegisterWithAkaAsync();

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal($"<{TestSubscribers.AkaImpu}>, <{TestSubscribers.AkaTel}>", ok.Headers.GetFirst("P-Associated-URI"));
        var stored = Assert.Single(await StoredBindingsAsync(core.Clock.GetUtcNow()));
        Assert.Equal(TestSubscribers.AkaImpi, stored.Impi);
        Assert.Equal(ue.ContactUri, stored.ContactUri);
        Assert.Equal(IPAddress.Loopback.ToString(), stored.Flow.RemoteAddress);
    }

    [Fact]
    public async Task Md5RegistrationAndDeregistrationReachTheDatabase()
    {
        await using var core = await ImsCoreHarness.StartAsync(StoresOf(_data));
        await using var ue = await RawUe.ConnectAsync(core, SipTransportProtocol.Udp, TestSubscribers.Md5Impi, TestSubscribers.Md5Impu);

        Assert.Equal(200, (await ue.RegisterWithPasswordAsync(TestSubscribers.Md5Password)).StatusCode);
        Assert.Single(await StoredBindingsAsync(core.Clock.GetUtcNow()));

        Assert.Equal(200, (await ue.RegisterWithPasswordAsync(TestSubscribers.Md5Password, expires: 0)).StatusCode);
        Assert.Empty(await StoredBindingsAsync(core.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task ConcurrentRegistrationsAreAllDurable()
    {
        await using var core = await ImsCoreHarness.StartAsync(StoresOf(_data), configure: o => o.Registrar.MaxContactsPerImpu = 32);
        var ues = new List<RawUe>();
        for (var i = 0; i < 20; i++)
        {
            ues.Add(await RawUe.ConnectAsync(core, SipTransportProtocol.Udp));
        }

        // Twenty devices of one user, each its own contact (no shared +sip.instance), registering at once.
        var responses = await Task.WhenAll(ues.Select(ue => ue.RegisterWithAkaAsync(contact: $"<{ue.ContactUri}>")));

        Assert.All(responses, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(20, (await StoredBindingsAsync(core.Clock.GetUtcNow())).Count);
        foreach (var ue in ues) await ue.DisposeAsync();
    }

    [Fact]
    public async Task RestartInTheMiddleKeepsBindingsSubscriptionsAndExpiryTimers()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var first = await ImsCoreHarness.StartAsync(StoresOf(_data), clock);
        var udpPort = first.Udp.Port;
        await using var ue = await RawUe.ConnectAsync(first, SipTransportProtocol.Udp);
        await ue.RegisterWithAkaAsync(expires: 3600);
        await ue.SendAsync(ue.Subscribe());
        await ue.ReceiveNotifyAsync();
        await first.NotifiesSettledAsync();
        await first.DisposeAsync();

        await using var second = await ImsCoreHarness.StartAsync(StoresOf(_data), clock, o =>
        {
            // The same address, as a restarted server has: the stored flows point at it.
            o.Stack.Transport.Listeners.Clear();
            o.Stack.Transport.Listeners.Add(new SipListenerOptions { Protocol = SipTransportProtocol.Udp, Address = IPAddress.Loopback, Port = udpPort });
            o.Stack.Transport.Listeners.Add(new SipListenerOptions { Protocol = SipTransportProtocol.Tcp, Address = IPAddress.Loopback, Port = 0 });
        });

        var binding = Assert.Single(second.Engine.BindingsOf(TestSubscribers.AkaImpu));
        Assert.Same(binding, Assert.Single(second.Engine.BindingsOf(TestSubscribers.AkaTel)));
        Assert.Single(second.Engine.CurrentSubscriptions());

        // The reloaded subscription still reaches the UE, in the same dialog.
        await second.Engine.NetworkProcedures.ReauthenticateAsync(TestSubscribers.AkaImpi);
        var notify = await ue.ReceiveNotifyAsync();
        Assert.Equal(ue.SubscribeCallId, notify.CallId);
        Assert.Equal(2u, notify.CSeq!.Value.Number);
        await second.NotifiesSettledAsync();

        // The re-armed expiry timer fires without any request.
        clock.Advance(TimeSpan.FromSeconds(60));
        await second.NextEventAsync(RegistrationEventType.Expired);
        Assert.Empty(second.Engine.BindingsOf(TestSubscribers.AkaImpu));
    }

    [Fact]
    public async Task DeletingASubscriberDeregistersItsLiveBindingsFirst()
    {
        await using var core = await ImsCoreHarness.StartAsync(StoresOf(_data));
        await using var ue = await RawUe.ConnectAsync(core, SipTransportProtocol.Udp);
        await ue.RegisterWithAkaAsync();
        ILiveRegistrationTerminator terminator = core.Engine.NetworkProcedures;

        await terminator.TerminateAsync(TestSubscribers.AkaImpi, CancellationToken.None);

        Assert.Empty(core.Engine.BindingsOf(TestSubscribers.AkaImpu));
        Assert.Empty(await StoredBindingsAsync(core.Clock.GetUtcNow()));
    }
}
