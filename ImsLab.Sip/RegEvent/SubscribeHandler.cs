using System.Globalization;
using ImsLab.Sip.Events;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transactions;
using ImsLab.Sip.Transport;

namespace ImsLab.Sip.RegEvent;

/// <summary>
/// SUBSCRIBE for the reg event package (RFC 3680 4, RFC 6665 4.2, TS 24.229 5.4.2.1.1): authorises the watcher,
/// answers 200 with the granted Expires, and leaves the immediate full-state NOTIFY to the notifier.
/// </summary>
internal sealed class SubscribeHandler(RegEventNotifier notifier, RegistrationTable table, RegistrarOptions options, TimeProvider time)
    : ISipRequestHandler
{
    private const string AllowEvents = "reg";

    public async ValueTask HandleAsync(SipServerTransaction transaction, CancellationToken ct)
    {
        var request = transaction.Request;
        var response = Check(request, out var expires);
        if (response is not null)
        {
            await transaction.RespondAsync(response).ConfigureAwait(false);
            return;
        }

        var now = time.GetUtcNow();
        var from = request.From!;
        if (request.To!.Tag is { } toTag)
        {
            await RefreshAsync(transaction, toTag, from.Tag ?? "", expires, now, ct).ConfigureAwait(false);
            return;
        }

        var resource = ResourceOf(request);
        var registration = resource is null ? null : table.Find(resource);
        if (resource is null || registration is null)
        {
            // TS 24.229 5.4.2.1.1: only a registered IMPU's state may be watched.
            await transaction.RespondAsync(RegisterResponses.Forbidden(request, options.WarningAgent, "The public identity is not registered"))
                .ConfigureAwait(false);
            return;
        }
        if (Refusal(request, transaction.Flow, registration) is { } refusal)
        {
            await transaction.RespondAsync(RegisterResponses.Forbidden(request, options.WarningAgent, refusal)).ConfigureAwait(false);
            return;
        }
        if (request.Contacts.Count != 1 || from.Tag is null)
        {
            await transaction.RespondAsync(RegisterResponses.Error(request, 400, "SUBSCRIBE needs one Contact and a From tag")).ConfigureAwait(false);
            return;
        }

        var flow = BindingFlows.ToBindingFlow(transaction.Flow);
        var subscription = new RegEventSubscription
        {
            Id = Guid.CreateVersion7(now),
            ResourceImpu = resource,
            WatcherUri = ImpuNormalizer.Normalize(from.Uri) ?? from.Uri.ToString(),
            WatcherContact = request.Contacts[0].Uri.ToString(),
            CallId = request.CallId!,
            LocalTag = SipRandomToken.Next(),
            RemoteTag = from.Tag,
            // RFC 3680 5.2: the first document has version 0; the notifier counts up before each NOTIFY.
            LocalCSeq = 0,
            RemoteCSeq = request.CSeq!.Value.Number,
            Version = -1,
            // RFC 3261 12.1.1: the UAS route set is the Record-Route list in order.
            RouteSet = [.. request.Headers.GetAll(SipHeaderNames.RecordRoute)],
            Flow = flow,
            ExpiresAt = now.AddSeconds(expires),
            CreatedAt = now,
        };
        var accepted = Accepted(request, subscription.LocalTag, expires, flow);
        await transaction.RespondAsync(accepted).ConfigureAwait(false);
        await notifier.SubscribeAsync(subscription, fetch: expires == 0, Trace(transaction, accepted, now), ct).ConfigureAwait(false);
    }

    private async Task RefreshAsync(SipServerTransaction transaction, string toTag, string fromTag, int expires, DateTimeOffset now, CancellationToken ct)
    {
        var request = transaction.Request;
        var dialog = notifier.FindDialog(request.CallId!, toTag, fromTag);
        if (dialog is null)
        {
            // RFC 6665 4.2.1.2: a refresh for a subscription we do not have.
            await transaction.RespondAsync(RegisterResponses.Error(request, 481, "Subscription does not exist")).ConfigureAwait(false);
            return;
        }
        // RFC 6665 4.1.2.1 and RFC 3261 12.2.2: a SUBSCRIBE refresh is a target refresh; its Contact becomes the remote
        // target and the flow it came over the one NOTIFYs take. Moving the flow needs what the first SUBSCRIBE needed
        // (a flow of a current binding, or a trusted P-CSCF): the dialog's Call-ID and tags are no proof of identity.
        var arrivedOver = BindingFlows.ToBindingFlow(transaction.Flow);
        var moves = !BindingFlows.SamePath(arrivedOver, dialog.State.Flow);
        if (moves && (table.Find(dialog.State.ResourceImpu) is not { } registration || Refusal(request, transaction.Flow, registration) is not null))
        {
            await transaction.RespondAsync(RegisterResponses.Forbidden(request, options.WarningAgent,
                "SUBSCRIBE refresh not sent from the subscription's flow or a registered contact of this subscriber")).ConfigureAwait(false);
            return;
        }
        var flow = moves ? arrivedOver : dialog.State.Flow;
        var contact = request.Contacts.Count == 1 ? request.Contacts[0].Uri.ToString() : dialog.State.WatcherContact;
        var accepted = Accepted(request, toTag, expires, flow);
        await transaction.RespondAsync(accepted).ConfigureAwait(false);
        if (expires == 0)
        {
            notifier.Unsubscribe(dialog);
        }
        else
        {
            await notifier.RefreshAsync(dialog, new SubscriptionRefresh(now.AddSeconds(expires), request.CSeq!.Value.Number, contact, flow),
                Trace(transaction, accepted, now), ct).ConfigureAwait(false);
        }
    }

    // The SUBSCRIBE and our 200 for the event log's trace; the notifier adds the first NOTIFY.
    private IReadOnlyList<SipTraceEntry>? Trace(SipServerTransaction transaction, SipResponse accepted, DateTimeOffset receivedAt) =>
        options.TraceSipMessages
            ? [SipTraces.Received(transaction.Request, transaction.Flow, receivedAt), SipTraces.Sent(accepted, transaction.Flow, time.GetUtcNow())]
            : null;

    private SipResponse? Check(SipRequest request, out int expires)
    {
        expires = 0;
        var eventHeader = request.Headers.GetFirst(SipHeaderNames.Event);
        var package = eventHeader?.Split(';', 2)[0].Trim();
        if (!string.Equals(package, RegEventNotifier.EventPackage, StringComparison.OrdinalIgnoreCase))
        {
            // RFC 6665 8.3.1 / 4.2.1.1: 489 with the packages we do support.
            var badEvent = RegisterResponses.Error(request, 489, "Bad Event");
            badEvent.Headers.Add("Allow-Events", AllowEvents);
            return badEvent;
        }
        var accept = request.Headers.GetAll(SipHeaderNames.Accept).ToList();
        if (accept.Count > 0 && !accept.Any(a => a.Contains(ReginfoDocument.ContentType, StringComparison.OrdinalIgnoreCase)
                || a.Contains("*/*", StringComparison.Ordinal) || a.Contains("application/*", StringComparison.OrdinalIgnoreCase)))
        {
            // RFC 3680 4.5: the one body type of the package is application/reginfo+xml.
            var notAcceptable = RegisterResponses.Error(request, 406, "Not Acceptable");
            notAcceptable.Headers.Add(SipHeaderNames.Accept, ReginfoDocument.ContentType);
            return notAcceptable;
        }
        if (request.From is null || request.To is null || request.CallId is null || request.CSeq is null)
        {
            return RegisterResponses.Error(request, 400, "Missing dialog headers");
        }
        expires = (int)Math.Min(request.Expires ?? options.DefaultSubscriptionExpiresSeconds, options.MaxSubscriptionExpiresSeconds);
        return null;
    }

    // TS 24.229 5.4.2.1.1: the Request-URI names the watched IMPU; an S-CSCF URI (no user part) falls back to To.
    private static string? ResourceOf(SipRequest request) =>
        request.RequestUri.User is not null || request.RequestUri.TelNumber is not null
            ? ImpuNormalizer.Normalize(request.RequestUri)
            : ImpuNormalizer.Normalize(request.To!.Uri);

    /// <summary>
    /// TS 24.229 5.4.2.1.1: the S-CSCF accepts a subscription from a trusted P-CSCF, or from the subscriber itself on an
    /// identity the network asserts. With no P-CSCF in front, nothing asserts the From: anyone can write it. What the
    /// network does know is the flow each authenticated REGISTER came over, so the subscriber is the one whose
    /// SUBSCRIBE arrives over the flow of a current binding of the set (the role of P-Asserted-Identity, which a P-CSCF
    /// derives the same way from its security association, TS 24.229 5.2.6.3). Returns why not, or null.
    /// </summary>
    /// <remarks>
    /// The flow is matched on transport, remote address and remote port: for TCP that is the connection the UE
    /// registered over. A UE that opens a new connection re-registers over it first (as RFC 5626 4.5 has it recover a
    /// flow), which moves its binding to the new flow. Matching the remote address with the port of its Contact or
    /// Via instead would prove nothing: those are written by the sender, and in a lab every UE shares 127.0.0.1.
    /// </remarks>
    private string? Refusal(SipRequest request, SipFlow flow, ImplicitSetRegistration registration)
    {
        if (options.TrustedPcscfs.Contains(flow.Remote.Address))
        {
            return null;
        }
        var watcher = ImpuNormalizer.Normalize(request.From!.Uri);
        IReadOnlyList<PublicIdentity> members;
        RegistrationBinding[] bindings;
        lock (registration.Gate)
        {
            members = registration.Members;
            bindings = registration.Bindings;
        }
        if (!members.Any(m => string.Equals(m.Uri, watcher, StringComparison.OrdinalIgnoreCase))
            && !bindings.Any(b => string.Equals(b.Impu, watcher, StringComparison.OrdinalIgnoreCase)))
        {
            return "Only the subscriber or a trusted P-CSCF may watch this registration";
        }
        var arrivedOver = BindingFlows.ToBindingFlow(flow);
        return bindings.Any(b => BindingFlows.SamePath(b.Flow, arrivedOver))
            ? null
            : "SUBSCRIBE not sent from a registered contact of this subscriber";
    }

    private static SipResponse Accepted(SipRequest request, string localTag, int expires, BindingFlow flow)
    {
        var response = SipResponse.CreateFor(request, 200);
        if (SipToTag.IsMissing(response))
        {
            // RFC 6665 4.1.2.1 / RFC 3261 12.1.1: our tag of the dialog the subscription lives in.
            SipToTag.Add(response, localTag);
        }
        response.Headers.Add(SipHeaderNames.Expires, expires.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add(SipHeaderNames.Contact, RegEventNotifier.LocalContact(flow));
        response.Headers.Add(SipHeaderNames.Event, RegEventNotifier.EventPackage);
        return response;
    }
}
