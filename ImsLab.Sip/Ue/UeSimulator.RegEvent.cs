using ImsLab.Sip.RegEvent;
using System.Globalization;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Transactions;

namespace ImsLab.Sip.Ue;

public sealed partial class UeSimulator
{
    private UeRegEventSubscription? _subscription;

    /// <summary>TS 24.229 5.1.1.3: subscribe to the reg event of the registered IMPU (or refresh the subscription).</summary>
    private async Task SubscribeAsync(CancellationToken ct)
    {
        if (State != UeRegistrationState.Registered) return;
        var subscription = _subscription;
        if (subscription is null || subscription.Terminated)
        {
            subscription = new UeRegEventSubscription(new UeCallLeg(_requests!.AdvertisedHost));
            _subscription = subscription;
        }
        subscription.Dispose();

        var request = _requests!.CreateSubscribe(subscription.Leg, _options.SubscriptionExpires, ServiceRoute);
        var response = await SendAsync(request, ct).ConfigureAwait(false);
        if (response is not { StatusCode: >= 200 and < 300 })
        {
            var detail = response is null ? "no response" : $"{response.StatusCode} {response.ReasonPhrase}";
            UeSimulatorLog.SubscriptionFailed(_logger, _options.Impi, detail);
            if (ReferenceEquals(_subscription, subscription)) EndSubscription();
            return;
        }

        // RFC 6665 4.1.2.1: the 2xx's To tag identifies the dialog (a NOTIFY may have set it already).
        subscription.Leg.RemoteTag ??= response.To?.Tag;
        var granted = response.Expires ?? _options.SubscriptionExpires;
        if (granted <= 0 || subscription.Terminated) return;
        var delay = UeRefreshPolicy.RefreshDelay(TimeSpan.FromSeconds(granted));
        subscription.RefreshAt = _time.GetUtcNow() + delay;
        subscription.RefreshTimer = _time.CreateTimer(_ =>
        {
            subscription.RefreshAt = null;
            RunInBackground(async token =>
            {
                if (ReferenceEquals(_subscription, subscription) && !subscription.Terminated) await SubscribeAsync(token).ConfigureAwait(false);
            });
        }, null, delay, Timeout.InfiniteTimeSpan);
    }

    private void EndSubscription()
    {
        var subscription = _subscription;
        if (subscription is null) return;
        subscription.Terminated = true;
        subscription.Dispose();
        _subscription = null;
    }

    internal async ValueTask HandleNotifyAsync(SipServerTransaction transaction, CancellationToken ct)
    {
        var request = transaction.Request;
        var receivedAt = _time.GetUtcNow();
        Record(UeSipDirection.Received, request, receivedAt);

        var subscription = _subscription;
        // RFC 6665 4.1.3: a NOTIFY that matches no subscription of ours gets 481.
        if (subscription is null
            || !string.Equals(request.CallId, subscription.Leg.CallId, StringComparison.Ordinal)
            || !string.Equals(request.To?.Tag, subscription.Leg.LocalTag, StringComparison.Ordinal)
            || !string.Equals(request.Event?.Package, "reg", StringComparison.OrdinalIgnoreCase))
        {
            await RespondAsync(transaction, 481).ConfigureAwait(false);
            return;
        }
        await RespondAsync(transaction, 200).ConfigureAwait(false);
        subscription.Leg.RemoteTag ??= request.From?.Tag;

        UeReginfoDocument? document = null;
        var readError = ReginfoReadError.None;
        if (!request.Body.IsEmpty)
        {
            var read = ReginfoDocumentReader.Read(request.Body.Span);
            document = read.Document;
            readError = read.Error;
            if (!read.Success) UeSimulatorLog.NotifyBodyUnreadable(_logger, _options.Impi, read.Error, read.ErrorDetail);
        }
        var subscriptionState = request.SubscriptionState;
        var notification = new UeNotification(request, subscriptionState?.State, subscriptionState?.Reason, document, readError, receivedAt);
        UeSimulatorLog.NotifyReceived(_logger, _options.Impi, document?.Version, notification.SubscriptionState);
        RunInBackground(_ =>
        {
            React(subscription, notification);
            NotifyReceived?.Invoke(this, notification);
            return Task.CompletedTask;
        });
    }

    private async ValueTask RespondAsync(SipServerTransaction transaction, int statusCode)
    {
        var response = transaction.CreateResponse(statusCode);
        await transaction.RespondAsync(response).ConfigureAwait(false);
        Record(UeSipDirection.Sent, response, _time.GetUtcNow());
    }

    /// <summary>Applies a NOTIFY (in turn with the other procedures); a new registration it calls for runs next.</summary>
    private void React(UeRegEventSubscription subscription, UeNotification notification)
    {
        if (!ReferenceEquals(_subscription, subscription)) return;
        // RFC 6665 4.1.3: a terminated Subscription-State ends the subscription.
        if (string.Equals(notification.SubscriptionState, "terminated", StringComparison.OrdinalIgnoreCase)) EndSubscription();

        if (notification.Document is not { } document) return;
        // RFC 3680 5.2: a version not higher than the last one applied is stale or repeated.
        if (subscription.LastVersion is { } last && document.Version <= last) return;
        subscription.LastVersion = document.Version;

        if (State != UeRegistrationState.Registered) return;
        var ours = document.Registrations.SelectMany(registration => registration.Contacts).Where(IsOurContact).ToList();
        if (ours.Count == 0) return;

        // TS 24.229 5.1.1.7: "rejected" - remove the registration and do not register again.
        if (ours.Any(c => c is { State: ReginfoContactState.Terminated, Event: ContactEvent.Rejected }))
        {
            EndSubscription();
            ClearRegistration();
            SetState(UeRegistrationState.Deregistered, UeFailureReason.NetworkRejected, null, "the network deregistered this UE (rejected)");
            return;
        }

        // TS 24.229 5.1.1.7: "deactivated" - start a new initial registration. A contact that expired or was put
        // on probation is no longer registered either: register again (after retry-after for probation).
        if (ours.FirstOrDefault(c => c is { State: ReginfoContactState.Terminated, Event: ContactEvent.Deactivated or ContactEvent.Expired or ContactEvent.Probation })
            is { } removed)
        {
            EndSubscription();
            ClearRegistration();
            if (removed is { Event: ContactEvent.Probation, RetryAfter: > 0 })
            {
                ScheduleInitialRegistration(TimeSpan.FromSeconds(removed.RetryAfter.Value));
                SetState(UeRegistrationState.Deregistered, UeFailureReason.None, null,
                    $"the network put this UE on probation; registering again in {removed.RetryAfter.Value.ToString(CultureInfo.InvariantCulture)} s");
                return;
            }
            RunInBackground(token => RegisterAsync(UeRegistrationKind.Initial, token));
            return;
        }

        // TS 24.229 5.1.1.5.2: "shortened" - adopt the shorter expiry and re-register (and so re-authenticate) in time.
        if (ours.FirstOrDefault(c => c is { State: ReginfoContactState.Active, Event: ContactEvent.Shortened, Expires: not null }) is { } shortened)
        {
            var lifetime = TimeSpan.FromSeconds(shortened.Expires!.Value);
            var expiresAt = _time.GetUtcNow() + lifetime;
            if (RegistrationExpiresAt is { } current && expiresAt >= current) return;
            RegistrationExpiresAt = expiresAt;
            ScheduleRegistrationRefresh(lifetime);
        }
    }

    private bool IsOurContact(UeReginfoContact contact)
    {
        var requests = _requests!;
        if (contact.InstanceId is { } instance) return string.Equals(instance, requests.InstanceId, StringComparison.Ordinal);
        return SipUri.TryParse(contact.Uri, out var uri) && uri.Equals(requests.ContactUri);
    }

    private void ScheduleInitialRegistration(TimeSpan delay)
    {
        CancelRegistrationRefresh();
        NextRegistrationRefreshAt = _time.GetUtcNow() + delay;
        _refreshTimer = _time.CreateTimer(_ =>
        {
            NextRegistrationRefreshAt = null;
            RunInBackground(async ct =>
            {
                if (State == UeRegistrationState.Deregistered && _lastChange.Reason == UeFailureReason.None)
                {
                    await RegisterAsync(UeRegistrationKind.Initial, ct).ConfigureAwait(false);
                }
            });
        }, null, delay, Timeout.InfiniteTimeSpan);
    }
}
