using System.Diagnostics.Metrics;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Events;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.RegEvent;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transactions;
using ImsLab.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip;

/// <summary>
/// The SIP side of ImsLab in one piece: the stack with the registrar (REGISTER) and the reg-event notifier (SUBSCRIBE),
/// the group-commit queue, the expiry timers and the network-initiated procedures, built from options, a clock,
/// loggers and the storage ports. The host and the end-to-end tests start exactly this.
/// </summary>
public sealed class ImsLabSipEngine : IAsyncDisposable
{
    private readonly IBindingStore _bindings;
    private readonly RegistrarMetrics _metrics;
    private readonly BindingCommitQueue _commits;
    private readonly RegEventNotifier _notifier;
    private readonly Registrar.Registrar _registrar;
    private readonly DigestNonceStore _nonces;
    private int _state;

    /// <summary>Builds the engine; nothing listens until <see cref="StartAsync"/>.</summary>
    public ImsLabSipEngine(ImsLabSipEngineOptions options, TimeProvider time, ILoggerFactory loggers, ISubscriberDirectory directory,
        IBindingStore bindings, IRegEventSubscriptionStore subscriptions, ISequenceNumberStore sequenceNumbers,
        RegistrationEventBus? events = null, IMeterFactory? meters = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        _bindings = bindings;
        Events = events ?? new RegistrationEventBus();
        _metrics = new RegistrarMetrics(meters);
        Stack = new SipStack(options.Stack, time, loggers);
        var table = new RegistrationTable();
        _metrics.ObserveRegisteredContacts(() => table.ContactCount);
        _commits = new BindingCommitQueue(bindings, options.Registrar.MaxCommitBatch, loggers.CreateLogger<BindingCommitQueue>(), _metrics);
        _notifier = new RegEventNotifier(Stack, table, subscriptions, options.Registrar, time, Events, _metrics,
            loggers.CreateLogger<RegEventNotifier>());
        _nonces = new DigestNonceStore(time, options.Nonces);
        var authenticator = new DigestAuthenticator(_nonces, options.Challenges, loggers.CreateLogger<DigestAuthenticator>());
        var allocator = new SequenceNumberAllocator(sequenceNumbers,
            new SequenceNumberOptions { BlockSize = options.Registrar.SequenceNumberBlockSize, IndBits = options.SequenceNumberIndBits });
        _registrar = new Registrar.Registrar(options.Registrar, directory, authenticator, new AkaVectorGenerator(allocator), allocator, table,
            _commits, _notifier, Events, _metrics, time, loggers.CreateLogger<Registrar.Registrar>());
        NetworkProcedures = new NetworkInitiatedProcedures(_registrar);
        SubscriberChanges = allocator;
        Stack.MapMethod("REGISTER", new RegisterHandler(_registrar));
        Stack.MapMethod("SUBSCRIBE", new SubscribeHandler(_notifier, table, options.Registrar, time));
    }

    /// <summary>The SIP stack (bound endpoints, sending requests).</summary>
    public SipStack Stack { get; }

    /// <summary>The live registration events (dashboard feed, event log writer).</summary>
    public RegistrationEventBus Events { get; }

    /// <summary>Network-initiated deregistration and re-authentication; also the <see cref="ILiveRegistrationTerminator"/>.</summary>
    public NetworkInitiatedProcedures NetworkProcedures { get; }

    /// <summary>
    /// What provisioning tells about the IMPIs it changed (the <see cref="ISubscriberChangeObserver"/>): the SEQ block
    /// reserved for such an IMPI is dropped, so an SQN reset takes effect with its next vector.
    /// </summary>
    public ISubscriberChangeObserver SubscriberChanges { get; }

    /// <summary>The listening endpoints as bound.</summary>
    public IReadOnlyList<SipFlowEndpoint> BoundEndpoints => Stack.BoundEndpoints;

    /// <summary>Contacts registered right now.</summary>
    public long RegisteredContacts => _registrar.Table.ContactCount;

    /// <summary>Implicit registration sets with at least one contact right now.</summary>
    public int RegisteredImplicitSets => _registrar.Table.SetCount;

    internal Registrar.Registrar Registrar => _registrar;

    internal RegEventNotifier Notifier => _notifier;

    /// <summary>Every current binding, one snapshot (for the REST API and the dashboard).</summary>
    public IReadOnlyList<RegistrationBinding> CurrentBindings()
    {
        var all = new List<RegistrationBinding>();
        foreach (var registration in _registrar.Table.Registrations())
        {
            all.AddRange(registration.Bindings);
        }
        return all;
    }

    /// <summary>Every registered implicit set with its IMPUs and bindings, one snapshot (for the REST API and the dashboard).</summary>
    public IReadOnlyList<Monitoring.RegisteredImplicitSet> CurrentImplicitSets() =>
        _registrar.Table.Registrations()
            .Select(registration => new Monitoring.RegisteredImplicitSet(registration.Members, registration.Bindings))
            .Where(set => set.Bindings.Count > 0)
            .ToList();

    /// <summary>The bindings of one IMPU's implicit set (the IMPU normalized: sip:user@host or tel:+number).</summary>
    public IReadOnlyList<RegistrationBinding> BindingsOf(string impu) => _registrar.Table.Find(impu)?.Bindings ?? [];

    /// <summary>Every live reg-event subscription.</summary>
    public IReadOnlyList<RegEventSubscription> CurrentSubscriptions() => _notifier.Subscriptions();

    /// <summary>Reloads bindings and subscriptions (expiry timers re-armed), then starts listening.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The engine was already started.");
        }
        _commits.Start();
        await _registrar.LoadAsync(_bindings, cancellationToken).ConfigureAwait(false);
        await _notifier.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (RegisteredContacts >= LargeReloadContacts)
        {
            // Reloading allocates several times what it keeps (rows, strings, lookups), and the server GC keeps that
            // memory committed long after: with 1,000,000 contacts the process held about 1 GB more than its heap.
            // One aggressive collection before the listeners open hands it back to the system.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        await Stack.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>From this many reloaded contacts on, start-up ends with a collection that returns the reload's garbage.</summary>
    private const int LargeReloadContacts = 100_000;

    /// <summary>Stops listening and lets the commit queue finish what it holds.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _state, 2) == 2)
        {
            return;
        }
        await Stack.StopAsync(cancellationToken).ConfigureAwait(false);
        // Queued commits are still written, but only as long as the host lets stopping take: with the database gone
        // each batch waits for a connection that never comes, and a stop that never ends is worse than losing them.
        await _commits.DisposeAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _notifier.Dispose();
        _registrar.Dispose();
        await Stack.DisposeAsync().ConfigureAwait(false);
        _metrics.Dispose();
    }
}
