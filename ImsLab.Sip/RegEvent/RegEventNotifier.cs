using System.Collections.Concurrent;
using System.Globalization;
using ImsLab.Sip.Events;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transactions;
using ImsLab.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.RegEvent;

/// <summary>
/// The notifier side of the reg event package (RFC 3680, TS 24.229 5.4.2.1): keeps the subscriptions, and turns
/// every registration change into in-dialog NOTIFYs sent through the stack's non-INVITE client transactions to the
/// watcher's flow. Nothing here runs on the REGISTER path: changes are queued per dialog and sent in the background,
/// so a slow or dead watcher delays only its own NOTIFYs.
/// </summary>
internal sealed partial class RegEventNotifier : IDisposable
{
    public const string EventPackage = "reg";
    private const int MaxForwards = 70;

    private readonly SipStack _stack;
    private readonly RegistrationTable _table;
    private readonly IRegEventSubscriptionStore _store;
    private readonly RegistrarOptions _options;
    private readonly TimeProvider _time;
    private readonly RegistrationEventBus _events;
    private readonly RegistrarMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<Guid, RegEventDialog> _dialogs = new();
    private readonly ConcurrentDictionary<string, RegEventDialog[]> _byResource = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _indexGate = new();
    private readonly ExpiryScheduler _expiry;
    private readonly CancellationTokenSource _stopping = new();
    private int _inFlight;
    private long _changeStamp;

    public RegEventNotifier(SipStack stack, RegistrationTable table, IRegEventSubscriptionStore store, RegistrarOptions options,
        TimeProvider time, RegistrationEventBus events, RegistrarMetrics metrics, ILogger logger)
    {
        _stack = stack;
        _table = table;
        _store = store;
        _options = options;
        _time = time;
        _events = events;
        _metrics = metrics;
        _logger = logger;
        _expiry = new ExpiryScheduler(time, OnSubscriptionsDue);
    }

    public int SubscriptionCount => _dialogs.Count;

    /// <summary>NOTIFYs queued or being sent; lets tests and shutdown wait for quiet.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public RegEventDialog? Find(Guid id) => _dialogs.TryGetValue(id, out var dialog) ? dialog : null;

    /// <summary>RFC 6665 4.2.1: a refreshing SUBSCRIBE is matched to its dialog by Call-ID and both tags.</summary>
    public RegEventDialog? FindDialog(string callId, string localTag, string remoteTag)
    {
        foreach (var dialog in _dialogs.Values)
        {
            var state = dialog.State;
            if (state.CallId == callId && state.LocalTag == localTag && state.RemoteTag == remoteTag)
            {
                return dialog;
            }
        }
        return null;
    }

    public IReadOnlyList<RegEventSubscription> Subscriptions() => [.. _dialogs.Values.Select(d => d.State)];

    /// <summary>Start-up: every stored subscription comes back, its expiry re-armed.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in await _store.LoadActiveAsync(_time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            Add(new RegEventDialog(subscription with { Flow = BindingFlows.FromEarlierRun(subscription.Flow) }));
        }
    }

    /// <summary>
    /// A new subscription: stored, indexed, and sent its full state at once. A fetch (Expires: 0, RFC 6665 4.4.3)
    /// gets that one NOTIFY, already terminated, and is not kept.
    /// </summary>
    public async Task SubscribeAsync(RegEventSubscription subscription, bool fetch, IReadOnlyList<SipTraceEntry>? trace,
        CancellationToken cancellationToken)
    {
        var dialog = new RegEventDialog(subscription);
        if (!fetch)
        {
            await _store.UpsertAsync(subscription, cancellationToken).ConfigureAwait(false);
        }
        Add(dialog);
        // RegEventSubscribed is published when the first NOTIFY is sent, with the whole exchange traced.
        EnqueueCurrentState(dialog, fetch ? SubscriptionTerminationReason.Timeout : null,
            new SubscribeExchange(fetch ? "fetched" : "subscribed", trace));
    }

    /// <summary>A refresh: new expiry, target and flow, and (RFC 6665 4.2.1.2) a NOTIFY with the current full state.</summary>
    public async Task RefreshAsync(RegEventDialog dialog, SubscriptionRefresh refresh, IReadOnlyList<SipTraceEntry>? trace,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        RegEventSubscription updated;
        lock (dialog.Gate)
        {
            updated = dialog.State = dialog.State with
            {
                ExpiresAt = refresh.ExpiresAt, RemoteCSeq = refresh.RemoteCSeq, WatcherContact = refresh.WatcherContact, Flow = refresh.Flow,
            };
        }
        await _store.UpsertAsync(updated, cancellationToken).ConfigureAwait(false);
        _expiry.Schedule(new ScheduledExpiry(updated.ResourceImpu, updated.Id, refresh.ExpiresAt));
        EnqueueCurrentState(dialog, termination: null, new SubscribeExchange("refreshed", trace));
    }

    /// <summary>Unsubscribe (Expires: 0): a last NOTIFY with the state and Subscription-State terminated;reason=timeout.</summary>
    public void Unsubscribe(RegEventDialog dialog) => EnqueueCurrentState(dialog, SubscriptionTerminationReason.Timeout);

    /// <summary>
    /// A registration changed: every watcher of any IMPU of the set gets a NOTIFY; with a termination reason the
    /// subscriptions end with it (TS 24.229 5.4.1.5: network deregistration; 5.4.2.1.2: the set is gone).
    /// </summary>
    /// <remarks>
    /// <paramref name="stamp"/>, from <see cref="StampChange"/>, is given when the NOTIFYs go out some time after the
    /// change was made (after the REGISTER's 200 OK, TS 24.229 5.4.2.1.2): a UE that subscribed in between has already
    /// had the change in its full state, and must not hear of it again as if it were new.
    /// </remarks>
    public void OnRegistrationChanged(IReadOnlyList<PublicIdentity> members, IReadOnlyList<RegistrationBinding> active,
        IReadOnlyList<ContactChange> changes, SubscriptionTerminationReason? termination, long stamp = long.MaxValue)
    {
        var work = new NotifyWork(members, active, changes, termination);
        var seen = new HashSet<Guid>();
        foreach (var member in members)
        {
            if (_byResource.TryGetValue(member.Uri, out var dialogs))
            {
                foreach (var dialog in dialogs)
                {
                    if (dialog.JoinedAtChange < stamp && seen.Add(dialog.State.Id))
                    {
                        Enqueue(dialog, work);
                    }
                }
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _expiry.Dispose();
        _stopping.Dispose();
    }

    private void EnqueueCurrentState(RegEventDialog dialog, SubscriptionTerminationReason? termination, SubscribeExchange? subscribe = null)
    {
        var registration = _table.Find(dialog.State.ResourceImpu);
        IReadOnlyList<PublicIdentity> members;
        RegistrationBinding[] active;
        if (registration is null)
        {
            members = [new PublicIdentity(dialog.State.ResourceImpu, false, true, 0, null)];
            active = [];
        }
        else
        {
            lock (registration.Gate)
            {
                members = registration.Members;
                active = registration.Bindings;
            }
        }
        Enqueue(dialog, new NotifyWork(members, active, [], termination, subscribe));
    }

    /// <summary>
    /// Stamps a registration change already made in the registration table whose NOTIFYs will be sent later: pass the
    /// stamp to <see cref="OnRegistrationChanged"/>. Dialogs that join after it skip that change.
    /// </summary>
    public long StampChange() => Interlocked.Increment(ref _changeStamp);

    private void Add(RegEventDialog dialog)
    {
        // Read before the dialog becomes visible: a change stamped earlier is in the table its full state is built from.
        dialog.JoinedAtChange = Volatile.Read(ref _changeStamp);
        var state = dialog.State;
        _dialogs[state.Id] = dialog;
        lock (_indexGate)
        {
            _byResource.AddOrUpdate(state.ResourceImpu, [dialog], (_, existing) => [.. existing, dialog]);
        }
        _expiry.Schedule(new ScheduledExpiry(state.ResourceImpu, state.Id, state.ExpiresAt));
    }

    private void Remove(RegEventDialog dialog, string reason)
    {
        var state = dialog.State;
        if (!_dialogs.TryRemove(new KeyValuePair<Guid, RegEventDialog>(state.Id, dialog)))
        {
            return;
        }
        lock (_indexGate)
        {
            if (_byResource.TryGetValue(state.ResourceImpu, out var existing))
            {
                var rest = Array.FindAll(existing, d => !ReferenceEquals(d, dialog));
                if (rest.Length == 0)
                {
                    _byResource.TryRemove(state.ResourceImpu, out _);
                }
                else
                {
                    _byResource[state.ResourceImpu] = rest;
                }
            }
        }
        Publish(dialog, state, RegistrationEventType.RegEventTerminated, reason);
        _ = RemoveStoredAsync(state.Id);
    }

    private async Task RemoveStoredAsync(Guid id)
    {
        try
        {
            await _store.RemoveAsync(id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogStoreFailed(_logger, id, exception);
        }
    }

    private void Enqueue(RegEventDialog dialog, NotifyWork work)
    {
        lock (dialog.Gate)
        {
            if (dialog.Ending)
            {
                Announce(dialog, dialog.State, work.Subscribe, notify: null, result: null, flow: null);
                return;
            }
            if (work.Termination is not null)
            {
                dialog.Ending = true;
            }
            dialog.Pending.Enqueue(work);
            Interlocked.Increment(ref _inFlight);
            if (dialog.Pumping)
            {
                return;
            }
            dialog.Pumping = true;
        }
        _ = Task.Run(() => PumpAsync(dialog));
    }

    private async Task PumpAsync(RegEventDialog dialog)
    {
        while (true)
        {
            NotifyWork work;
            lock (dialog.Gate)
            {
                if (!dialog.Pending.TryDequeue(out work!))
                {
                    dialog.Pumping = false;
                    return;
                }
            }
            try
            {
                await SendAsync(dialog, work).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Only shutdown cancels a NOTIFY (the notifier's token, or the transaction layer stopping under it):
                // the subscription stays stored and is notified again after the restart.
                LogNotifyAbandonedAtShutdown(_logger, dialog.State.Id);
            }
            catch (Exception exception)
            {
                LogNotifyCrashed(_logger, dialog.State.Id, exception);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    private async Task SendAsync(RegEventDialog dialog, NotifyWork work)
    {
        if (!_dialogs.ContainsKey(dialog.State.Id))
        {
            Announce(dialog, dialog.State, work.Subscribe, notify: null, result: null, flow: null);
            return;
        }
        var now = _time.GetUtcNow();
        RegEventSubscription state;
        lock (dialog.Gate)
        {
            // RFC 3680 5.2: the version counts up by one per document on this subscription; CSeq per RFC 3261 12.2.1.1.
            state = dialog.State = dialog.State with { LocalCSeq = dialog.State.LocalCSeq + 1, Version = dialog.State.Version + 1 };
        }
        var around = BindingsAround(state, work).ToList();
        dialog.Impi ??= ImpiOf(state.ResourceImpu, around);
        var usesOutbound = NotifyDestination.UsesOutbound(state, around);
        var flow = NotifyDestination.Choose(_stack, state, usesOutbound);
        var request = flow is null ? null : BuildNotify(state, work, now);
        if (flow is null ? usesOutbound : !BindingFlows.SamePath(BindingFlows.ToBindingFlow(flow), state.Flow))
        {
            LogFlowClosed(_logger, state.Id, state.Flow.ToString(), flow?.Remote.ToString() ?? "nowhere (outbound, RFC 5626 5.3)");
        }
        if (flow is null || request is null)
        {
            Announce(dialog, state, work.Subscribe, notify: null, result: null, flow: null);
            // RFC 5626 5.3: an outbound flow that failed is not replaced by another path (a proxy would answer 430).
            Remove(dialog, usesOutbound ? "watcher unreachable: its outbound flow failed" : "watcher unreachable");
            return;
        }

        var result = await _stack.SendRequestAsync(request, flow, _stopping.Token).ConfigureAwait(false);
        Announce(dialog, state, work.Subscribe, request, result, flow);
        if (!result.IsSuccess)
        {
            // RFC 6665 4.1.2.4 / 4.2.2: a NOTIFY answered 481, or one that timed out (Timer F), ends the subscription;
            // so does any other failure, since the watcher no longer takes part in the dialog.
            _metrics.NotifyFailed(result.Outcome == SipClientOutcome.Response ? result.StatusCode.ToString(CultureInfo.InvariantCulture) : result.Outcome.ToString());
            LogNotifyFailed(_logger, state.Id, result.StatusCode);
            lock (dialog.Gate)
            {
                dialog.Ending = true;
                dialog.Pending.Clear();
            }
            Remove(dialog, $"NOTIFY failed with {result.StatusCode.ToString(CultureInfo.InvariantCulture)}");
            return;
        }

        _metrics.NotifySent();
        if (_options.TraceSipMessages && work.Subscribe is null)
        {
            // A NOTIFY for a later change and the watcher's answer, for the dashboard's ladder diagram (the first one
            // already went into the SUBSCRIBE's own event, see Announce).
            var answer = result.Response!;
            Publish(dialog, state, RegistrationEventType.RegEventNotified, SipTraces.Describe(answer.StatusCode, answer.ReasonPhrase),
                [SipTraces.Sent(request, flow, now), SipTraces.Received(answer, result.Flow ?? flow, _time.GetUtcNow())]);
        }
        if (work.Termination is { } reason)
        {
            Remove(dialog, "terminated: " + ReasonName(reason));
            return;
        }
        try
        {
            await _store.UpsertAsync(state, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogStoreFailed(_logger, state.Id, exception);
        }
    }

    // The IMPI behind the watched IMPU, for the event log: from the bindings at hand, else from the registered set.
    private string? ImpiOf(string resourceImpu, IReadOnlyList<RegistrationBinding> bindings) =>
        bindings.FirstOrDefault()?.Impi ?? CurrentBindings(resourceImpu).FirstOrDefault()?.Impi;

    // The bindings that may tell whether the watcher's flow is an outbound one: those in the table now, and those of
    // the change being notified (a deregistration has already taken them out of the table).
    private IEnumerable<RegistrationBinding> BindingsAround(RegEventSubscription state, NotifyWork work) =>
        CurrentBindings(state.ResourceImpu).Concat(work.Active).Concat(work.Changes.Select(c => c.Binding));

    // The registered bindings of the watched IMPU's set, read under the set's gate as the registrar writes them.
    private RegistrationBinding[] CurrentBindings(string resourceImpu)
    {
        if (_table.Find(resourceImpu) is not { } registration) return [];
        lock (registration.Gate)
        {
            return registration.Bindings;
        }
    }

    private SipRequest? BuildNotify(RegEventSubscription state, NotifyWork work, DateTimeOffset now)
    {
        if (!SipUri.TryParse(state.WatcherContact, out var target))
        {
            return null;
        }
        var document = ReginfoBuilder.Build(state.Version, work.Members, work.Active, work.Changes, now);
        var request = new SipRequest("NOTIFY", target);
        request.Headers.Add(SipHeaderNames.MaxForwards, MaxForwards.ToString(CultureInfo.InvariantCulture));
        foreach (var route in state.RouteSet)
        {
            request.Headers.Add(SipHeaderNames.Route, route);
        }
        request.Headers.Add(SipHeaderNames.From, $"<{state.ResourceImpu}>;tag={state.LocalTag}");
        request.Headers.Add(SipHeaderNames.To, $"<{state.WatcherUri}>;tag={state.RemoteTag}");
        request.Headers.Add(SipHeaderNames.CallId, state.CallId);
        request.Headers.Add(SipHeaderNames.CSeq, state.LocalCSeq.ToString(CultureInfo.InvariantCulture) + " NOTIFY");
        request.Headers.Add(SipHeaderNames.Contact, LocalContact(state.Flow));
        request.Headers.Add(SipHeaderNames.Event, EventPackage);
        request.Headers.Add(SipHeaderNames.SubscriptionState, SubscriptionState(state, work.Termination, now));
        request.Headers.Add(SipHeaderNames.ContentType, ReginfoDocument.ContentType);
        request.Body = ReginfoXmlWriter.Write(document);
        return request;
    }

    /// <summary>Our Contact for the dialog: the address the watcher's flow reaches us on.</summary>
    public static string LocalContact(BindingFlow flow)
    {
        var host = flow.LocalAddress.Contains(':', StringComparison.Ordinal) ? "[" + flow.LocalAddress + "]" : flow.LocalAddress;
        var transport = flow.Transport.Equals("TCP", StringComparison.OrdinalIgnoreCase) ? ";transport=tcp" : "";
        return $"<sip:{host}:{flow.LocalPort.ToString(CultureInfo.InvariantCulture)}{transport}>";
    }

    // RFC 6665 4.1.3 / 8.2.3: active with the remaining expiry, or terminated with a reason — never "active" for a
    // subscription that is ending.
    private static string SubscriptionState(RegEventSubscription state, SubscriptionTerminationReason? termination, DateTimeOffset now)
    {
        if (termination is { } reason)
        {
            return "terminated;reason=" + ReasonName(reason);
        }
        var remaining = Math.Max(0, (long)Math.Ceiling((state.ExpiresAt - now).TotalSeconds));
        return "active;expires=" + remaining.ToString(CultureInfo.InvariantCulture);
    }

    private static string ReasonName(SubscriptionTerminationReason reason) => reason switch
    {
        SubscriptionTerminationReason.Deactivated => "deactivated",
        SubscriptionTerminationReason.Rejected => "rejected",
        SubscriptionTerminationReason.NoResource => "noresource",
        _ => "timeout",
    };

    private void OnSubscriptionsDue(IReadOnlyList<ScheduledExpiry> due)
    {
        foreach (var expiry in due)
        {
            if (_dialogs.TryGetValue(expiry.Id, out var dialog) && dialog.State.ExpiresAt <= expiry.ExpiresAt)
            {
                // RFC 6665 4.2.2: an expired subscription gets a final NOTIFY with reason=timeout.
                EnqueueCurrentState(dialog, SubscriptionTerminationReason.Timeout);
            }
        }
    }

    /// <summary>
    /// Publishes the RegEventSubscribed event of a SUBSCRIBE once its first NOTIFY went out (or could not), its trace
    /// completed with that NOTIFY and the watcher's answer (RFC 6665 4.2.1: the NOTIFY follows the 200 at once).
    /// </summary>
    private void Announce(RegEventDialog dialog, RegEventSubscription subscription, SubscribeExchange? subscribe, SipRequest? notify, SipClientResult? result, SipFlow? flow)
    {
        if (subscribe is null)
        {
            return;
        }
        IReadOnlyList<SipTraceEntry>? trace = subscribe.Trace;
        if (trace is not null && notify is not null && flow is not null)
        {
            var sentFlow = result?.Flow ?? flow;
            List<SipTraceEntry> entries = [.. trace, SipTraces.Sent(notify, sentFlow, _time.GetUtcNow())];
            if (result?.Response is { } answer)
            {
                entries.Add(SipTraces.Received(answer, sentFlow, _time.GetUtcNow()));
            }
            trace = entries;
        }
        Publish(dialog, subscription, RegistrationEventType.RegEventSubscribed, subscribe.Reason, trace);
    }

    private void Publish(RegEventDialog dialog, RegEventSubscription subscription, RegistrationEventType type, string reason,
        IReadOnlyList<SipTraceEntry>? trace = null) =>
        _events.Publish(new RegistrationEvent
        {
            Id = Guid.CreateVersion7(_time.GetUtcNow()),
            OccurredAt = _time.GetUtcNow(),
            Type = type,
            Impu = subscription.ResourceImpu,
            Impi = dialog.Impi ??= ImpiOf(subscription.ResourceImpu, []),
            Contact = subscription.WatcherContact,
            Flow = subscription.Flow.ToString(),
            Reason = reason,
            Actor = subscription.WatcherUri,
            SipTrace = trace,
        });

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "reg-event NOTIFY for subscription {SubscriptionId} failed with {StatusCode}; subscription ended")]
    private static partial void LogNotifyFailed(ILogger logger, Guid subscriptionId, int statusCode);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Error, Message = "Sending a reg-event NOTIFY for subscription {SubscriptionId} failed")]
    private static partial void LogNotifyCrashed(ILogger logger, Guid subscriptionId, Exception exception);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Debug, Message = "reg-event NOTIFY for subscription {SubscriptionId} abandoned: the server is stopping")]
    private static partial void LogNotifyAbandonedAtShutdown(ILogger logger, Guid subscriptionId);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Warning, Message = "Storing reg-event subscription {SubscriptionId} failed")]
    private static partial void LogStoreFailed(ILogger logger, Guid subscriptionId, Exception exception);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Information, Message = "reg-event subscription {SubscriptionId}: the connection of flow {Flow} is closed; NOTIFY goes to {Target}")]
    private static partial void LogFlowClosed(ILogger logger, Guid subscriptionId, string flow, string target);
}
