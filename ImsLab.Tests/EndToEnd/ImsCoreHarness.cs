using System.Net;
using System.Threading.Channels;
using ImsLab.Sip;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Events;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;
using ImsLab.Tests.Sip.Support;
using ImsLab.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImsLab.Tests.EndToEnd;

/// <summary>
/// The real engine (stack, registrar, notifier, commit queue) on loopback UDP and TCP ports with a manual clock, over
/// the storage the test gives it (PostgreSQL in the end-to-end suites, memory in the in-process ones).
/// </summary>
internal sealed class ImsCoreHarness : IAsyncDisposable
{
    private readonly RegistrationEventSubscriber _events;

    private ImsCoreHarness(ImsLabSipEngine engine, ManualTimeProvider clock, HarnessStores stores)
    {
        Engine = engine;
        Clock = clock;
        Stores = stores;
        _events = engine.Events.Subscribe(capacity: 10_000);
    }

    public ImsLabSipEngine Engine { get; }

    public ManualTimeProvider Clock { get; }

    public HarnessStores Stores { get; }

    public IPEndPoint Udp => Engine.BoundEndpoints.First(e => e.Protocol == SipTransportProtocol.Udp).EndPoint;

    public IPEndPoint Tcp => Engine.BoundEndpoints.First(e => e.Protocol == SipTransportProtocol.Tcp).EndPoint;

    public IPEndPoint EndPoint(SipTransportProtocol protocol) => protocol == SipTransportProtocol.Udp ? Udp : Tcp;

    public static async Task<ImsCoreHarness> StartAsync(HarnessStores stores, ManualTimeProvider? clock = null,
        Action<ImsLabSipEngineOptions>? configure = null, ILoggerFactory? loggers = null)
    {
        clock ??= new ManualTimeProvider(DateTimeOffset.UtcNow);
        var options = new ImsLabSipEngineOptions();
        options.Registrar.ScscfUri = "sip:scscf1.home1.net";
        options.Registrar.WarningAgent = "home1.net";
        options.Registrar.Realm = TestSubscribers.Realm;
        foreach (var protocol in new[] { SipTransportProtocol.Udp, SipTransportProtocol.Tcp })
        {
            options.Stack.Transport.Listeners.Add(new SipListenerOptions { Protocol = protocol, Address = IPAddress.Loopback, Port = 0 });
        }
        configure?.Invoke(options);
        var engine = new ImsLabSipEngine(options, clock, loggers ?? NullLoggerFactory.Instance, stores.Directory, stores.Bindings,
            stores.Subscriptions, stores.SequenceNumbers);
        var harness = new ImsCoreHarness(engine, clock, stores);
        await engine.StartAsync(CancellationToken.None);
        return harness;
    }

    public static HarnessStores InMemory()
    {
        var directory = new InMemorySubscriberDirectory();
        directory.Add(TestSubscribers.Aka());
        directory.Add(TestSubscribers.Md5());
        directory.Add(TestSubscribers.Roamer());
        directory.Add(TestSubscribers.Password());
        return new HarnessStores(directory, new InMemoryBindingStore(), new InMemoryRegEventSubscriptionStore(), new InMemorySequenceNumberStore());
    }

    public Task<SipTestPeer> ConnectAsync(SipTransportProtocol protocol) => SipTestPeer.ConnectAsync(protocol, EndPoint(protocol));

    /// <summary>Skips every event published so far, so the next wait sees only what happens from now on.</summary>
    public void ForgetEvents()
    {
        while (_events.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>The next published event of <paramref name="type"/>, waiting for it if needed.</summary>
    public async Task<RegistrationEvent> NextEventAsync(RegistrationEventType type)
    {
        using var timeout = new CancellationTokenSource(SipTestPeer.ArrivalTimeout);
        while (true)
        {
            var next = await _events.Reader.ReadAsync(timeout.Token);
            if (next.Type == type)
            {
                return next;
            }
        }
    }

    /// <summary>
    /// Waits until every NOTIFY has had its final response, so that moving the manual clock cannot fire a
    /// retransmission timer of a transaction whose 200 OK is still on its way.
    /// </summary>
    public Task NotifiesSettledAsync() => RegistrationEndToEndTests.WaitUntilAsync(() => Engine.Notifier.InFlight == 0);

    public async ValueTask DisposeAsync()
    {
        _events.Dispose();
        await Engine.DisposeAsync();
    }
}

/// <summary>The storage ports a harness runs on.</summary>
internal sealed record HarnessStores(ISubscriberDirectory Directory, IBindingStore Bindings, IRegEventSubscriptionStore Subscriptions,
    ISequenceNumberStore SequenceNumbers);
