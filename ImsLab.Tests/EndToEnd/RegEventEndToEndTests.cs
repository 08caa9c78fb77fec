using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;
using ImsLab.Tests.Sip.RegEvent;
using ImsLab.Tests.Sip.Support;

namespace ImsLab.Tests.EndToEnd;

/// <summary>
/// The reg event package end to end (RFC 3680, TS 24.229 5.4.2, TS 24.228 6.5, 6.7, 6.8): SUBSCRIBE, the immediate
/// full-state NOTIFY, NOTIFYs on every change, unsubscribe, failing watchers, and the network-initiated procedures,
/// every body validated against the RFC 3680 schema.
/// </summary>
public sealed class RegEventEndToEndTests : IAsyncLifetime
{
    private static readonly XNamespace Ns = ReginfoSchema.Ns;
    private ImsCoreHarness _core = null!;

    public async Task InitializeAsync() => _core = await ImsCoreHarness.StartAsync(ImsCoreHarness.InMemory());

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private static XElement Reginfo(SipRequest notify)
    {
        Assert.Equal("application/reginfo+xml", notify.ContentType);
        return ReginfoSchema.Validate(notify.Body.Span).Root!;
    }

    private async Task<(RawUe Ue, SipResponse Accepted, SipRequest FirstNotify)> RegisteredAndSubscribedAsync(SipTransportProtocol protocol)
    {
        var ue = await RawUe.ConnectAsync(_core, protocol);
        Assert.Equal(200, (await ue.RegisterWithAkaAsync()).StatusCode);
        var accepted = await ue.SendAsync(ue.Subscribe());
        var notify = await ue.ReceiveNotifyAsync();
        return (ue, accepted, notify);
    }

    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    public async Task SubscribeIsAcceptedAndFollowedAtOnceByAFullStateNotify(SipTransportProtocol protocol)
    {
        var (ue, accepted, notify) = await RegisteredAndSubscribedAsync(protocol);
        await using var _ = ue;

        Assert.Equal(200, accepted.StatusCode);
        Assert.Equal(600000, accepted.Expires);
        Assert.NotNull(accepted.To!.Tag);
        Assert.Equal("reg", notify.Headers.GetFirst("Event"));
        Assert.StartsWith("active;expires=", notify.Headers.GetFirst("Subscription-State"));
        Assert.Equal(accepted.To.Tag, notify.From!.Tag);
        Assert.Equal("31415", notify.To!.Tag);
        Assert.Equal(ue.SubscribeCallId, notify.CallId);
        Assert.Equal(ue.ContactUri, notify.RequestUri.ToString());

        var root = Reginfo(notify);
        Assert.Equal("0", root.Attribute("version")!.Value);
        Assert.Equal("full", root.Attribute("state")!.Value);
        var registrations = root.Elements(Ns + "registration").ToList();
        Assert.Equal([TestSubscribers.AkaImpu, TestSubscribers.AkaImpu2, TestSubscribers.AkaTel], registrations.Select(r => r.Attribute("aor")!.Value));
        Assert.All(registrations, r => Assert.Equal("active", r.Attribute("state")!.Value));
        var contact = registrations[0].Element(Ns + "contact")!;
        Assert.Equal("active", contact.Attribute("state")!.Value);
        Assert.Equal("registered", contact.Attribute("event")!.Value);
        Assert.Equal(ue.ContactUri, contact.Element(Ns + "uri")!.Value);
        Assert.Equal("600000", contact.Attribute("expires")!.Value);
        var instance = contact.Elements(Ns + "unknown-param").Single(p => p.Attribute("name")!.Value == "+sip.instance");
        Assert.Equal("\"<urn:gsma:imei:35396707-002435-0>\"", instance.Value);
    }

    [Fact]
    public async Task LaterNotifiesAreTracedForTheLadderDiagramEachAsItsOwnEvent()
    {
        var (ue, _, _) = await RegisteredAndSubscribedAsync(SipTransportProtocol.Udp);
        await using var _ = ue;
        await _core.NextEventAsync(RegistrationEventType.RegEventSubscribed);

        Assert.Equal(200, (await ue.RegisterWithAkaAsync(contact: $"<sip:second@{ue.Peer.SentBy}>")).StatusCode);
        await ue.ReceiveNotifyAsync();
        var notified = await _core.NextEventAsync(RegistrationEventType.RegEventNotified);

        Assert.Equal(TestSubscribers.AkaImpu, notified.Impu);
        Assert.Equal("200 OK", notified.Reason);
        Assert.Equal([SipTraceDirection.Sent, SipTraceDirection.Received], notified.SipTrace!.Select(t => t.Direction));
        Assert.StartsWith("NOTIFY ", notified.SipTrace![0].Text, StringComparison.Ordinal);
        Assert.Contains("<reginfo", notified.SipTrace[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeTheFullStateAlreadyHeldIsNotNotifiedAgainWhenItsNotifiesGoOutAfterTheSubscribe()
    {
        var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);
        await using var _ = ue;
        Assert.Equal(200, (await ue.RegisterWithAkaAsync()).StatusCode);
        await _core.NotifiesSettledAsync();
        var notifier = _core.Engine.Notifier;

        // The registrar stamps its change before the 200 OK and notifies after it; the UE's SUBSCRIBE can come between.
        var stamp = notifier.StampChange();
        Assert.Equal(200, (await ue.SendAsync(ue.Subscribe())).StatusCode);
        Assert.Equal("0", Reginfo(await ue.ReceiveNotifyAsync()).Attribute("version")!.Value);
        notifier.OnRegistrationChanged([new PublicIdentity(TestSubscribers.AkaImpu, false, true, 1, null)], [], [], termination: null, stamp);
        await _core.NotifiesSettledAsync();

        // The next NOTIFY is the next real change, version 1: nothing was sent for the stale one.
        Assert.Equal(200, (await ue.RegisterWithAkaAsync(contact: $"<sip:second@{ue.Peer.SentBy}>")).StatusCode);
        Assert.Equal("1", Reginfo(await ue.ReceiveNotifyAsync()).Attribute("version")!.Value);
    }

    [Fact]
    public async Task EveryChangeSendsANotifyWithTheNextVersion()
    {
        var (ue, _, first) = await RegisteredAndSubscribedAsync(SipTransportProtocol.Udp);
        await using var _ = ue;

        Assert.Equal(200, (await ue.RegisterWithAkaAsync(contact: $"<sip:second@{ue.Peer.SentBy}>")).StatusCode);
        var second = await ue.ReceiveNotifyAsync();

        Assert.Equal("1", Reginfo(second).Attribute("version")!.Value);
        Assert.Equal(first.CSeq!.Value.Number + 1, second.CSeq!.Value.Number);
        var events = Reginfo(second).Element(Ns + "registration")!.Elements(Ns + "contact")
            .ToDictionary(c => c.Element(Ns + "uri")!.Value, c => c.Attribute("event")!.Value);
        Assert.Equal("registered", events[$"sip:second@{ue.Peer.SentBy}"]);
    }

    [Fact]
    public async Task UnsubscribeEndsWithATerminatedNotifyWithReasonTimeout()
    {
        var (ue, accepted, _) = await RegisteredAndSubscribedAsync(SipTransportProtocol.Udp);
        await using var _ = ue;

        var response = await ue.SendAsync(ue.Subscribe(expires: 0, toTag: accepted.To!.Tag));
        var last = await ue.ReceiveNotifyAsync();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("terminated;reason=timeout", last.Headers.GetFirst("Subscription-State"));
        await RegistrationEndToEndTests.WaitUntilAsync(() => _core.Engine.CurrentSubscriptions().Count == 0);
    }

    [Fact]
    public async Task ARefreshWithANewContactMakesItTheTargetOfTheNextNotify()
    {
        var (ue, accepted, _) = await RegisteredAndSubscribedAsync(SipTransportProtocol.Udp);
        await using var _ = ue;
        var moved = $"sip:moved@{ue.Peer.SentBy}";

        var response = await ue.SendAsync(ue.Subscribe(toTag: accepted.To!.Tag, contact: $"<{moved}>"));
        var notify = await ue.ReceiveNotifyAsync();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(moved, notify.RequestUri.ToString());
        Assert.Equal(moved, Assert.Single(_core.Engine.CurrentSubscriptions()).WatcherContact);
    }

    [Fact]
    public async Task ARefreshOverAnotherRegisteredFlowMovesTheNotifiesToIt()
    {
        var (ue, accepted, _) = await RegisteredAndSubscribedAsync(SipTransportProtocol.Udp);
        await using var _ = ue;
        await using var second = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);
        Assert.Equal(200, (await second.RegisterWithAkaAsync()).StatusCode);
        await ue.ReceiveNotifyAsync();
        second.SubscribeCallId = ue.SubscribeCallId;

        var response = await second.SendAsync(second.Subscribe(toTag: accepted.To!.Tag));
        var notify = await second.ReceiveNotifyAsync();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(accepted.To.Tag, notify.From!.Tag);
        Assert.Equal(PortOf(second), Assert.Single(_core.Engine.CurrentSubscriptions()).Flow.RemotePort);
        await ue.Peer.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task ARefreshFromAnUnregisteredFlowIsForbiddenAndTheSubscriptionKeepsItsFlow()
    {
        var (ue, accepted, _) = await RegisteredAndSubscribedAsync(SipTransportProtocol.Udp);
        await using var _ = ue;
        await using var spoofer = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);
        spoofer.SubscribeCallId = ue.SubscribeCallId;

        var response = await spoofer.SendAsync(spoofer.Subscribe(toTag: accepted.To!.Tag, contact: $"<sip:thief@{spoofer.Peer.SentBy}>"));

        Assert.Equal(403, response.StatusCode);
        var subscription = Assert.Single(_core.Engine.CurrentSubscriptions());
        Assert.Equal(PortOf(ue), subscription.Flow.RemotePort);
        Assert.Equal(ue.ContactUri, subscription.WatcherContact.Trim('<', '>'));
        await spoofer.Peer.AssertNothingPendingAsync();
    }

    private static int PortOf(RawUe ue) => int.Parse(ue.Peer.SentBy[(ue.Peer.SentBy.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ANotifyInFlightAtShutdownIsAbandonedQuietly()
    {
        var loggers = new CapturingLoggerFactory();
        var core = await ImsCoreHarness.StartAsync(ImsCoreHarness.InMemory(), loggers: loggers);
        await using var ue = await RawUe.ConnectAsync(core, SipTransportProtocol.Udp);
        Assert.Equal(200, (await ue.RegisterWithAkaAsync()).StatusCode);
        Assert.Equal(200, (await ue.SendAsync(ue.Subscribe())).StatusCode);
        Assert.Equal("NOTIFY", (await ue.Peer.ReceiveRequestAsync()).Method);

        // The NOTIFY is never answered: its client transaction is still waiting when the server stops.
        await core.DisposeAsync();

        await RegistrationEndToEndTests.WaitUntilAsync(() => loggers.Lines.Any(l => l.Contains("abandoned: the server is stopping", StringComparison.Ordinal)));
        Assert.DoesNotContain(loggers.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefreshOfAnUnknownSubscriptionIs481()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);
        await ue.RegisterWithAkaAsync();

        var response = await ue.SendAsync(ue.Subscribe(toTag: "nosuchtag"));

        Assert.Equal(481, response.StatusCode);
    }

    [Fact]
    public async Task SubscriptionForAnUnregisteredImpuIsForbidden()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);

        var response = await ue.SendAsync(ue.Subscribe());

        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public async Task SomeoneElseMayNotWatchTheRegistration()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);
        await ue.RegisterWithAkaAsync();
        await using var stranger = new RawUe(ue.Peer, TestSubscribers.Md5Impi, TestSubscribers.Md5Impu);

        var subscribe = stranger.Subscribe().Replace($"SUBSCRIBE {TestSubscribers.Md5Impu}", $"SUBSCRIBE {TestSubscribers.AkaImpu}");
        var response = await stranger.SendAsync(subscribe);

        Assert.Equal(403, response.StatusCode);
    }

    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    public async Task ASubscribeWithTheSubscribersFromFromAnUnregisteredPortIsForbiddenAndGetsNoNotify(SipTransportProtocol protocol)
    {
        await using var ue = await RawUe.ConnectAsync(_core, protocol);
        Assert.Equal(200, (await ue.RegisterWithAkaAsync()).StatusCode);
        await using var spoofer = await RawUe.ConnectAsync(_core, protocol);

        var response = await spoofer.SendAsync(spoofer.Subscribe());

        Assert.Equal(403, response.StatusCode);
        Assert.Contains("SUBSCRIBE not sent from a registered contact of this subscriber", response.Headers.GetFirst("Warning"));
        Assert.Empty(_core.Engine.CurrentSubscriptions());
        await spoofer.Peer.AssertNothingPendingAsync();
    }

    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    public async Task TheSubscriberStillWatchesItsRegistrationFromTheFlowItRegisteredOverAfterASpoofedSubscribe(SipTransportProtocol protocol)
    {
        await using var ue = await RawUe.ConnectAsync(_core, protocol);
        Assert.Equal(200, (await ue.RegisterWithAkaAsync()).StatusCode);
        await using var spoofer = await RawUe.ConnectAsync(_core, protocol);
        Assert.Equal(403, (await spoofer.SendAsync(spoofer.Subscribe())).StatusCode);

        var accepted = await ue.SendAsync(ue.Subscribe());
        var notify = await ue.ReceiveNotifyAsync();

        Assert.Equal(200, accepted.StatusCode);
        Assert.Equal("full", Reginfo(notify).Attribute("state")!.Value);
        Assert.Equal(ue.ContactUri, Reginfo(notify).Descendants(Ns + "uri").First().Value);
    }

    [Fact]
    public async Task ANotifyAnswered481EndsTheSubscription()
    {
        var (ue, _, _) = await RegisteredAndSubscribedAsync(SipTransportProtocol.Udp);
        await using var _ = ue;

        await ue.RegisterWithAkaAsync(contact: $"<sip:second@{ue.Peer.SentBy}>");
        await ue.ReceiveNotifyAsync(status: 481);

        await RegistrationEndToEndTests.WaitUntilAsync(() => _core.Engine.CurrentSubscriptions().Count == 0);
    }

    [Fact]
    public async Task UeDeregistrationNotifiesTerminatedAndEndsTheSubscription()
    {
        var (ue, _, _) = await RegisteredAndSubscribedAsync(SipTransportProtocol.Udp);
        await using var _ = ue;

        await ue.RegisterWithAkaAsync(expires: 0);
        var notify = await ue.ReceiveNotifyAsync();

        Assert.Equal("terminated;reason=noresource", notify.Headers.GetFirst("Subscription-State"));
        var registration = Reginfo(notify).Element(Ns + "registration")!;
        Assert.Equal("terminated", registration.Attribute("state")!.Value);
        Assert.Equal("unregistered", registration.Element(Ns + "contact")!.Attribute("event")!.Value);
    }

    [Fact]
    public async Task ExpiryNotifiesTheContactAsExpired()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);
        await ue.RegisterWithAkaAsync(expires: 300);
        await ue.SendAsync(ue.Subscribe());
        await ue.ReceiveNotifyAsync();
        await _core.NotifiesSettledAsync();

        _core.Clock.Advance(TimeSpan.FromSeconds(300));
        var notify = await ue.ReceiveNotifyAsync();

        var contact = Reginfo(notify).Descendants(Ns + "contact").First();
        Assert.Equal("terminated", contact.Attribute("state")!.Value);
        Assert.Equal("expired", contact.Attribute("event")!.Value);
        Assert.Equal("terminated;reason=noresource", notify.Headers.GetFirst("Subscription-State"));
    }

    [Fact]
    public async Task RegEventEventsNameTheImpiAlsoAfterTheSetIsDeregistered()
    {
        var (ue, _, _) = await RegisteredAndSubscribedAsync(SipTransportProtocol.Udp);
        await using var _ = ue;
        var subscribed = await _core.NextEventAsync(RegistrationEventType.RegEventSubscribed);

        await _core.Engine.NetworkProcedures.DeregisterAsync(TestSubscribers.AkaImpi, null, null, NetworkDeregistrationReason.Rejected, "operator");
        await ue.ReceiveNotifyAsync(n => n.Headers.GetFirst("Subscription-State")?.StartsWith("terminated", StringComparison.Ordinal) == true);
        var ended = await _core.NextEventAsync(RegistrationEventType.RegEventTerminated);

        Assert.Equal(TestSubscribers.AkaImpi, subscribed.Impi);
        Assert.Equal(TestSubscribers.AkaImpi, ended.Impi);
    }

    [Theory]
    [InlineData(NetworkDeregistrationReason.Rejected, "rejected")]
    [InlineData(NetworkDeregistrationReason.Deactivated, "deactivated")]
    public async Task NetworkInitiatedDeregistrationNotifiesTheReasonAndEndsTheSubscription(NetworkDeregistrationReason reason, string name)
    {
        var (ue, _, _) = await RegisteredAndSubscribedAsync(SipTransportProtocol.Udp);
        await using var _ = ue;

        var result = await _core.Engine.NetworkProcedures.DeregisterAsync(TestSubscribers.AkaImpi, null, null, reason, "operator");
        var notify = await ue.ReceiveNotifyAsync(n => n.Headers.GetFirst("Subscription-State")?.StartsWith("terminated", StringComparison.Ordinal) == true);

        Assert.Equal(1, result.AffectedContacts);
        Assert.Single(result.EventIds);
        Assert.Empty(_core.Engine.BindingsOf(TestSubscribers.AkaImpu));
        Assert.Empty(((Support.InMemoryBindingStore)_core.Stores.Bindings).Bindings);
        Assert.Equal("terminated;reason=" + name, notify.Headers.GetFirst("Subscription-State"));
        var registrations = Reginfo(notify).Elements(Ns + "registration").ToList();
        Assert.All(registrations, r => Assert.Equal("terminated", r.Attribute("state")!.Value));
        var contact = registrations[0].Element(Ns + "contact")!;
        Assert.Equal("terminated", contact.Attribute("state")!.Value);
        Assert.Equal(name, contact.Attribute("event")!.Value);
    }

    [Fact]
    public async Task NetworkDeregistrationOfOneContactKeepsTheOthersAndTheSubscription()
    {
        var (ue, _, _) = await RegisteredAndSubscribedAsync(SipTransportProtocol.Udp);
        await using var _ = ue;
        await ue.RegisterWithAkaAsync(contact: $"<sip:second@{ue.Peer.SentBy}>");
        await ue.ReceiveNotifyAsync();

        await _core.Engine.NetworkProcedures.DeregisterAsync(TestSubscribers.AkaImpi, TestSubscribers.AkaTel, $"sip:second@{ue.Peer.SentBy}",
            NetworkDeregistrationReason.Deactivated);
        var notify = await ue.ReceiveNotifyAsync(n => Reginfo(n).Descendants(Ns + "contact").Any(c => c.Attribute("event")?.Value == "deactivated"));

        Assert.StartsWith("active", notify.Headers.GetFirst("Subscription-State"));
        var states = Reginfo(notify).Element(Ns + "registration")!.Elements(Ns + "contact")
            .ToDictionary(c => c.Element(Ns + "uri")!.Value, c => c.Attribute("event")!.Value);
        Assert.Equal("deactivated", states[$"sip:second@{ue.Peer.SentBy}"]);
        Assert.Single(_core.Engine.BindingsOf(TestSubscribers.AkaImpu));
    }

    [Fact]
    public async Task ReauthenticationShortensTheContactsAndChallengesTheNextProtectedRegister()
    {
        var (ue, _, _) = await RegisteredAndSubscribedAsync(SipTransportProtocol.Udp);
        await using var _ = ue;

        var result = await _core.Engine.NetworkProcedures.ReauthenticateAsync(TestSubscribers.AkaImpi, "operator");
        // The REGISTER's own NOTIFY may still come first (see RawUe.ReceiveNotifyAsync).
        var notify = await ue.ReceiveNotifyAsync(n => Reginfo(n).Descendants(Ns + "contact").Any(c => c.Attribute("event")?.Value == "shortened"));

        Assert.Equal(1, result.AffectedContacts);
        var contact = Reginfo(notify).Descendants(Ns + "contact").First();
        Assert.Equal("active", contact.Attribute("state")!.Value);
        Assert.Equal("shortened", contact.Attribute("event")!.Value);
        Assert.Equal("60", contact.Attribute("expires")!.Value);
        Assert.StartsWith("active", notify.Headers.GetFirst("Subscription-State"));

        var response = await ue.SendAsync(ue.Register(
            $"Digest username=\"{ue.Impi}\", realm=\"{TestSubscribers.Realm}\", nonce=\"\", uri=\"{ue.RequestUri}\", response=\"\", integrity-protected=\"yes\""));
        Assert.Equal(401, response.StatusCode);
    }

    [Fact]
    public async Task ATcpWatcherWhoseConnectionIsGoneIsNotifiedOnItsContactOverANewConnection()
    {
        using var listening = TcpTestPeer.Listen();
        var contact = $"sip:127.0.0.1:{((IPEndPoint)listening.LocalEndPoint!).Port};transport=tcp";
        await RegisterSubscribeAndHangUpAsync(contact, registerContact: $"<{contact}>", subscribeContact: $"<{contact}>");

        await _core.Engine.NetworkProcedures.ReauthenticateAsync(TestSubscribers.AkaImpi, "operator");
        await using var watcher = new RawUe(await TcpTestPeer.AcceptAsync(listening), TestSubscribers.AkaImpi, TestSubscribers.AkaImpu);
        var notify = await watcher.ReceiveNotifyAsync(n => Reginfo(n).Descendants(Ns + "contact").Any(c => c.Attribute("event")?.Value == "shortened"));

        Assert.Equal(contact, notify.RequestUri.ToString());
        Assert.Equal("shortened", Reginfo(notify).Descendants(Ns + "contact").First().Attribute("event")!.Value);
        await _core.NotifiesSettledAsync();
        Assert.Single(_core.Engine.CurrentSubscriptions());
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task AnOutboundWatcherWhoseFlowIsGoneIsNotReachedAnotherWay(bool obInSubscribeContact, bool regIdInRegister)
    {
        using var listening = TcpTestPeer.Listen();
        var contact = $"sip:127.0.0.1:{((IPEndPoint)listening.LocalEndPoint!).Port};transport=tcp";
        var instance = ";+sip.instance=\"<urn:gsma:imei:35396707-002435-0>\"";
        await RegisterSubscribeAndHangUpAsync(contact,
            registerContact: $"<{contact}>{instance}" + (regIdInRegister ? ";reg-id=1" : ""),
            subscribeContact: obInSubscribeContact ? $"<{contact};ob>" : $"<{contact}>");
        _core.ForgetEvents();

        await _core.Engine.NetworkProcedures.ReauthenticateAsync(TestSubscribers.AkaImpi, "operator");
        var ended = await _core.NextEventAsync(RegistrationEventType.RegEventTerminated);

        // RFC 5626 5.3: the flow was the only route; nothing may connect to the Contact instead.
        Assert.Equal("watcher unreachable: its outbound flow failed", ended.Reason);
        Assert.False(listening.Poll(0, SelectMode.SelectRead), "The notifier opened a connection to the Contact of an outbound watcher.");
    }

    // A TCP UE registers and subscribes over one connection, then closes it; returns once the server saw it close.
    private async Task RegisterSubscribeAndHangUpAsync(string contact, string registerContact, string subscribeContact)
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Tcp);
        Assert.Equal(200, (await ue.RegisterWithAkaAsync(contact: registerContact, extraHeaders: "Supported: outbound")).StatusCode);
        await _core.NotifiesSettledAsync();
        Assert.Equal(200, (await ue.SendAsync(ue.Subscribe(contact: subscribeContact))).StatusCode);
        Assert.Equal(contact, (await ue.ReceiveNotifyAsync()).RequestUri.ToString().Replace(";ob", "", StringComparison.Ordinal));
        await _core.NotifiesSettledAsync();
        await ue.DisposeAsync();
        await RegistrationEndToEndTests.WaitUntilAsync(() => _core.Engine.Stack.OpenConnectionCount == 0);
    }

    [Fact]
    public async Task SubscriptionExpiryEndsWithReasonTimeout()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);
        await ue.RegisterWithAkaAsync();
        await ue.SendAsync(ue.Subscribe(expires: 120));
        await ue.ReceiveNotifyAsync();
        await _core.NotifiesSettledAsync();

        _core.Clock.Advance(TimeSpan.FromSeconds(120));
        var notify = await ue.ReceiveNotifyAsync();

        Assert.Equal("terminated;reason=timeout", notify.Headers.GetFirst("Subscription-State"));
    }
}
