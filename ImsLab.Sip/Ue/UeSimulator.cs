using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Transactions;
using ImsLab.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Ue;

/// <summary>
/// A simulated IMS UE (TS 24.229 5.1.1): registers with AKAv1/AKAv2/MD5/SHA-256 digest, re-registers before
/// expiry, subscribes to its reg event, answers NOTIFY and follows network-initiated deregistration and
/// re-authentication. Every procedure runs one at a time; timers come from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class UeSimulator : IAsyncDisposable
{
    private const int TraceCapacity = 1000;

    private readonly UeSimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly ConcurrentDictionary<Task, byte> _background = new();
    private readonly ConcurrentQueue<UeSipTraceEntry> _trace = new();
    private readonly Lock _stateLock = new();
    private readonly List<(UeRegistrationState State, TaskCompletionSource<UeStateChange> Waiter)> _waiters = [];

    private SipStack? _stack;
    private SipFlow? _flow;
    private UeRequestFactory? _requests;
    private UeAuthenticator? _authenticator;
    private UeStateChange _lastChange;
    private bool _started;
    private int _disposed;

    /// <summary>Creates a simulator; nothing is sent before <see cref="StartAsync"/>.</summary>
    public UeSimulator(UeSimulatorOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        options.Validate();
        _options = options;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<UeSimulator>();
        _lastChange = new UeStateChange(UeRegistrationState.Unregistered, UeRegistrationState.Unregistered, UeFailureReason.None, null, null, time.GetUtcNow());
    }

    /// <summary>Raised on every state transition (on the thread that caused it).</summary>
    public event EventHandler<UeStateChange>? StateChanged;

    /// <summary>Raised for every SIP message the UE sent or received (the same entries as <see cref="Trace"/>).</summary>
    public event EventHandler<UeSipTraceEntry>? MessageTraced;

    /// <summary>Raised for every reg-event NOTIFY the UE accepted, after it answered 200 and applied the document.</summary>
    public event EventHandler<UeNotification>? NotifyReceived;

    /// <summary>The current registration state.</summary>
    public UeRegistrationState State { get { lock (_stateLock) return _lastChange.Current; } }

    /// <summary>The last transition, with its reason and status code.</summary>
    public UeStateChange LastChange { get { lock (_stateLock) return _lastChange; } }

    /// <summary>Why the UE failed or stopped, or None.</summary>
    public UeFailureReason FailureReason { get { lock (_stateLock) return _lastChange.Reason; } }

    /// <summary>The Service-Route of the last 200 OK to REGISTER (RFC 3608), one route per entry.</summary>
    public IReadOnlyList<string> ServiceRoute { get; private set; } = [];

    /// <summary>The P-Associated-URI of the last 200 OK to REGISTER (RFC 7315): the implicit registration set.</summary>
    public IReadOnlyList<string> AssociatedUris { get; private set; } = [];

    /// <summary>The expiry the network granted in the last 200 OK to REGISTER.</summary>
    public TimeSpan? GrantedExpires { get; private set; }

    /// <summary>When the registration lapses unless refreshed (shortened by a reg-event "shortened" contact).</summary>
    public DateTimeOffset? RegistrationExpiresAt { get; private set; }

    /// <summary>When the UE will re-register next (TS 24.229 5.1.1.4.1), or null when no refresh is armed.</summary>
    public DateTimeOffset? NextRegistrationRefreshAt { get; private set; }

    /// <summary>Whether a reg-event subscription is established and not terminated.</summary>
    public bool IsSubscribedToRegEvent => _subscription is { Terminated: false, Leg.RemoteTag: not null };

    /// <summary>When the reg-event subscription will be refreshed next, or null.</summary>
    public DateTimeOffset? NextSubscriptionRefreshAt => _subscription?.RefreshAt;

    /// <summary>The Contact URI the UE registers (its bound address and port).</summary>
    public SipUri? ContactUri => _requests?.ContactUri;

    /// <summary>The local endpoint the UE's stack bound.</summary>
    public IPEndPoint? LocalEndPoint => _flow?.Local;

    /// <summary>The SIP messages the UE sent and received, oldest first (the last 1000).</summary>
    public IReadOnlyList<UeSipTraceEntry> Trace => [.. _trace];

    /// <summary>
    /// Binds the UE's transport, sends the initial REGISTER and completes when the registration procedure ends
    /// (registered or failed). Re-registration and the reg-event subscription then run on their own.
    /// </summary>
    public async Task<UeRegistrationState> StartAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_started) throw new InvalidOperationException("The simulator was already started.");
        _started = true;

        _stack = new SipStack(CreateStackOptions(), _time, _loggers);
        _stack.MapMethod("NOTIFY", new UeNotifyHandler(this));
        await _stack.StartAsync(ct).ConfigureAwait(false);
        _flow = _stack.CreateFlow(_options.Transport, _options.Registrar);
        var bound = _stack.BoundEndpoints[0].EndPoint;
        var advertised = new IPEndPoint(AdvertisedAddress(bound.Address, _options.Registrar), bound.Port);
        _requests = new UeRequestFactory(_options, advertised);
        _authenticator = new UeAuthenticator(_options, _requests);

        await RunExclusiveAsync(token => RegisterAsync(UeRegistrationKind.Initial, token), ct).ConfigureAwait(false);
        return State;
    }

    /// <summary>
    /// Stops refreshing and, when registered, deregisters (REGISTER with Expires: 0, TS 24.229 5.1.1.6). NOTIFYs
    /// that follow are still answered until the simulator is disposed.
    /// </summary>
    public async Task StopAsync(CancellationToken ct)
    {
        if (!_started || _disposed != 0) return;
        await RunExclusiveAsync(async token =>
        {
            CancelRegistrationRefresh();
            // The subscription is not refreshed any more but stays known, so that the registrar's final NOTIFY
            // (RFC 3680 / TS 24.229 5.4.2.1.2: registration terminated, reason deactivated or timeout) gets its 200.
            _subscription?.Dispose();
            if (State is UeRegistrationState.Registered or UeRegistrationState.Registering)
            {
                await RegisterAsync(UeRegistrationKind.Deregister, token).ConfigureAwait(false);
            }
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Completes when the UE is in <paramref name="state"/> (at once if it already is).</summary>
    public Task<UeStateChange> WaitForStateAsync(UeRegistrationState state, CancellationToken ct)
    {
        TaskCompletionSource<UeStateChange> waiter;
        lock (_stateLock)
        {
            if (_lastChange.Current == state) return Task.FromResult(_lastChange);
            waiter = new TaskCompletionSource<UeStateChange>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((state, waiter));
        }
        return waiter.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Completes when no background procedure (re-registration, subscription, NOTIFY reaction) is running or queued:
    /// what the network sent so far has been fully applied. Lets tests and tools step a fake clock safely.
    /// </summary>
    public async Task WhenIdleAsync(CancellationToken ct)
    {
        while (_background.Keys.Where(task => !task.IsCompleted).ToArray() is { Length: > 0 } running)
        {
            try { await Task.WhenAll(running).WaitAsync(ct).ConfigureAwait(false); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
        }
    }

    /// <summary>Stops timers, waits for running procedures and closes the UE's transport. Does not deregister: call <see cref="StopAsync"/> first.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _lifetime.CancelAsync().ConfigureAwait(false);
        CancelRegistrationRefresh();
        EndSubscription();
        foreach (var task in _background.Keys)
        {
            try { await task.ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }
        if (_stack is not null) await _stack.DisposeAsync().ConfigureAwait(false);
        _lifetime.Dispose();
        _gate.Dispose();
    }

    private SipStackOptions CreateStackOptions()
    {
        var options = new SipStackOptions();
        options.Transport.Listeners.Add(new SipListenerOptions
        {
            Protocol = _options.Transport,
            Address = _options.LocalEndPoint.Address,
            Port = _options.LocalEndPoint.Port,
        });
        return options;
    }

    /// <summary>
    /// The address to put in Contact: the bound one, or, when bound to a wildcard, the local address the OS would
    /// use towards the registrar (a connected UDP socket sends nothing).
    /// </summary>
    private static IPAddress AdvertisedAddress(IPAddress bound, IPEndPoint registrar)
    {
        if (!bound.Equals(IPAddress.Any) && !bound.Equals(IPAddress.IPv6Any)) return bound;
        using var probe = new Socket(registrar.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        probe.Connect(registrar);
        return ((IPEndPoint)probe.LocalEndPoint!).Address;
    }

    private async Task RunExclusiveAsync(Func<CancellationToken, Task> procedure, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _lifetime.Token);
        await _gate.WaitAsync(linked.Token).ConfigureAwait(false);
        try
        {
            await procedure(linked.Token).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs a procedure after the current one, off the caller's thread (timer callbacks, NOTIFY reactions).</summary>
    private void RunInBackground(Func<CancellationToken, Task> procedure)
    {
        if (_disposed != 0) return;
        var task = Task.Run(async () =>
        {
            try
            {
                await RunExclusiveAsync(procedure, CancellationToken.None).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                UeSimulatorLog.ProcedureFailed(_logger, _options.Impi, e);
                Fail(UeFailureReason.NoResponse, null, e.Message);
            }
        });
        _background.TryAdd(task, 0);
        task.ContinueWith(t => _background.TryRemove(t, out _), TaskScheduler.Default);
    }

    private void SetState(UeRegistrationState state, UeFailureReason reason = UeFailureReason.None, int? statusCode = null, string? detail = null)
    {
        UeStateChange change;
        List<TaskCompletionSource<UeStateChange>> released = [];
        lock (_stateLock)
        {
            if (_lastChange.Current == state && reason == UeFailureReason.None) return;
            change = new UeStateChange(_lastChange.Current, state, reason, statusCode, detail, _time.GetUtcNow());
            _lastChange = change;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].State != state) continue;
                released.Add(_waiters[i].Waiter);
                _waiters.RemoveAt(i);
            }
        }
        UeSimulatorLog.StateChanged(_logger, _options.Impi, change.Previous, state, reason, statusCode, detail);
        foreach (var waiter in released) waiter.TrySetResult(change);
        StateChanged?.Invoke(this, change);
    }

    private void Fail(UeFailureReason reason, int? statusCode, string detail)
    {
        CancelRegistrationRefresh();
        EndSubscription();
        SetState(UeRegistrationState.Failed, reason, statusCode, detail);
    }

    private async Task<SipResponse?> SendAsync(SipRequest request, CancellationToken ct)
    {
        var sentAt = _time.GetUtcNow();
        // The transaction ends by itself on Timer F; WaitAsync lets disposal stop waiting for it.
        var result = await _stack!.SendRequestAsync(request, _flow!, ct).WaitAsync(ct).ConfigureAwait(false);
        // Recorded after sending so the entry holds the Via the stack added.
        Record(UeSipDirection.Sent, request, sentAt);
        if (result.Response is not { } response) return null;
        Record(UeSipDirection.Received, response, _time.GetUtcNow());
        return response;
    }

    private void Record(UeSipDirection direction, SipMessage message, DateTimeOffset at)
    {
        var text = RedactKeys(Encoding.UTF8.GetString(message.ToBytes()));
        var startLine = text.AsSpan(0, Math.Max(0, text.IndexOf("\r\n", StringComparison.Ordinal))).ToString();
        var entry = new UeSipTraceEntry(direction, at, startLine, text);
        _trace.Enqueue(entry);
        while (_trace.Count > TraceCapacity && _trace.TryDequeue(out _)) { }
        MessageTraced?.Invoke(this, entry);
        var method = message is SipRequest request ? request.Method : message.CSeq?.Method ?? string.Empty;
        UeSimulatorLog.Message(_logger, _options.Impi, method, direction, startLine);
    }

    // TS 33.203 / TS 24.229 5.4.1.2.1: a challenge relayed towards a P-CSCF may carry ck and ik; keys never reach the trace.
    private static string RedactKeys(string text) => KeyParameter().Replace(text, "$1=\"***\"");

    [GeneratedRegex(@"\b(ck|ik)\s*=\s*""[^""]*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyParameter();
}
