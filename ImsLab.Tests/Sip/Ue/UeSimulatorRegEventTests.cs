using ImsLab.Sip.RegEvent;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Transport;
using ImsLab.Sip.Ue;

namespace ImsLab.Tests.Sip.Ue;

public sealed class UeSimulatorRegEventTests
{
    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    public async Task SubscribesToItsOwnRegEventThroughTheServiceRouteAfterRegistering(SipTransportProtocol protocol)
    {
        await using var bed = UeTestBed.Create(protocol);
        var register = await bed.RegisterWithoutChallengeAsync();

        var subscribe = (await bed.Peer.ReceiveAsync("SUBSCRIBE")).Request;

        // TS 24.229 5.1.1.3: Request-URI, From and To are the registered IMPU; Event reg; reginfo accepted; 600000 s.
        Assert.Equal(UeTestBed.Impu, subscribe.RequestUri.ToString());
        Assert.Equal(UeTestBed.Impu, subscribe.From!.Uri.ToString());
        Assert.Equal(UeTestBed.Impu, subscribe.To!.Uri.ToString());
        Assert.Null(subscribe.To.Tag);
        Assert.Equal("reg", subscribe.Headers.GetFirst(SipHeaderNames.Event));
        Assert.Equal("application/reginfo+xml", subscribe.Headers.GetFirst(SipHeaderNames.Accept));
        Assert.Equal(600_000, subscribe.Expires);
        Assert.Equal(UeTestBed.ScscfRoute, subscribe.Headers.GetFirst(SipHeaderNames.Route));
        Assert.Equal(register.Request.Contacts.Single().Uri, subscribe.Contacts.Single().Uri);
        Assert.NotEqual(register.Request.CallId, subscribe.CallId);
    }

    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    public async Task AnswersTheFullStateNotifyWith200AndReportsItsDocument(SipTransportProtocol protocol)
    {
        await using var bed = UeTestBed.Create(protocol);
        var register = await bed.RegisterWithoutChallengeAsync();

        await bed.AcceptSubscriptionAsync(register);
        var notification = await bed.NextNotificationAsync();

        Assert.Equal("active", notification.SubscriptionState);
        var document = Assert.IsType<UeReginfoDocument>(notification.Document);
        Assert.Equal(0, document.Version);
        var contact = Assert.Single(Assert.Single(document.Registrations).Contacts);
        Assert.Equal(ContactEvent.Registered, contact.Event);
        Assert.Equal("urn:gsma:imei:35425006-000655-0", contact.InstanceId);
        Assert.True(bed.Ue.IsSubscribedToRegEvent);
        Assert.Equal(bed.Time.GetUtcNow().AddSeconds(599_400), bed.Ue.NextSubscriptionRefreshAt);
    }

    [Fact]
    public async Task ANotifyOutsideTheSubscriptionGets481()
    {
        await using var bed = UeTestBed.Create();
        var (register, subscribe) = await bed.RegisterAndSubscribeAsync();

        var answer = await bed.NotifyAsync(subscribe, 1, "active", UeTestBed.ContactXml(register, "active", "refreshed", 600_000), callId: "unknown-dialog@peer");

        Assert.Equal(481, answer.StatusCode);
    }

    [Fact]
    public async Task RejectedContactStopsTheUeWithoutReregistering()
    {
        await using var bed = UeTestBed.Create();
        var (register, subscribe) = await bed.RegisterAndSubscribeAsync();

        // TS 24.229 5.4.1.5 / 5.1.1.7: network-initiated deregistration with event "rejected".
        var answer = await bed.NotifyAsync(subscribe, 1, "terminated", UeTestBed.ContactXml(register, "terminated", "rejected", expires: 0),
            subscriptionState: "terminated;reason=rejected");
        var stopped = await bed.NextStateAsync(UeRegistrationState.Deregistered);

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(UeFailureReason.NetworkRejected, stopped.Reason);
        Assert.Null(bed.Ue.NextRegistrationRefreshAt);
        Assert.False(bed.Ue.IsSubscribedToRegEvent);
        Assert.Null(bed.Ue.NextSubscriptionRefreshAt);
        bed.Time.Advance(TimeSpan.FromSeconds(700_000));
        Assert.Equal(UeRegistrationState.Deregistered, bed.Ue.State);
        Assert.Equal(2, bed.Peer.Received.Count);
    }

    [Fact]
    public async Task DeactivatedContactStartsANewInitialRegistrationAtOnce()
    {
        await using var bed = UeTestBed.Create();
        var (register, subscribe) = await bed.RegisterAndSubscribeAsync();

        await bed.NotifyAsync(subscribe, 1, "terminated", UeTestBed.ContactXml(register, "terminated", "deactivated", expires: 0),
            subscriptionState: "terminated;reason=deactivated");
        var again = await bed.Peer.ReceiveAsync("REGISTER");

        // TS 24.229 5.1.1.7: a new initial registration: new Call-ID, the empty Authorization again.
        Assert.NotEqual(register.Request.CallId, again.Request.CallId);
        Assert.Contains("nonce=\"\"", again.Request.Headers.GetFirst(SipHeaderNames.Authorization));
        Assert.Equal(UeRegistrationState.Registering, bed.Ue.State);
        await bed.AcceptAsync(again);
        await bed.NextStateAsync(UeRegistrationState.Registered);
        var resubscribe = await bed.Peer.ReceiveAsync("SUBSCRIBE");
        Assert.NotEqual(subscribe.Request.CallId, resubscribe.Request.CallId);
    }

    [Fact]
    public async Task ShortenedContactMovesTheReregistrationBeforeTheNewExpiry()
    {
        await using var bed = UeTestBed.Create();
        var (register, subscribe) = await bed.RegisterAndSubscribeAsync();

        // TS 24.229 5.4.1.6 / 5.1.1.5.2: network-initiated re-authentication shortens the contact to 120 s.
        await bed.NotifyAsync(subscribe, 1, "active", UeTestBed.ContactXml(register, "active", "shortened", expires: 120));
        await bed.NextNotificationAsync();

        Assert.Equal(bed.Time.GetUtcNow().AddSeconds(60), bed.Ue.NextRegistrationRefreshAt);
        Assert.Equal(bed.Time.GetUtcNow().AddSeconds(120), bed.Ue.RegistrationExpiresAt);
        bed.Time.Advance(TimeSpan.FromSeconds(60));
        var refresh = await bed.Peer.ReceiveAsync("REGISTER");
        Assert.Equal(register.Request.CallId, refresh.Request.CallId);
    }

    [Fact]
    public async Task AnOlderDocumentVersionIsIgnored()
    {
        await using var bed = UeTestBed.Create();
        var (register, subscribe) = await bed.RegisterAndSubscribeAsync();
        await bed.NotifyAsync(subscribe, 5, "active", UeTestBed.ContactXml(register, "active", "refreshed", 600_000));
        await bed.NextNotificationAsync();

        // RFC 3680 5.2: version 4 after version 5 is stale; its "rejected" must not be applied.
        var answer = await bed.NotifyAsync(subscribe, 4, "terminated", UeTestBed.ContactXml(register, "terminated", "rejected", 0));
        await bed.NextNotificationAsync();
        await bed.NotifyAsync(subscribe, 6, "active", UeTestBed.ContactXml(register, "active", "shortened", 100));
        await bed.NextNotificationAsync();

        Assert.Equal(bed.Time.GetUtcNow().AddSeconds(50), bed.Ue.NextRegistrationRefreshAt);
        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(UeRegistrationState.Registered, bed.Ue.State);
    }

    [Fact]
    public async Task AfterDeregisteringItStillAnswersTheTerminatingNotify()
    {
        await using var bed = UeTestBed.Create();
        var (register, subscribe) = await bed.RegisterAndSubscribeAsync();

        var stopping = bed.Ue.StopAsync(CancellationToken.None);
        var deregister = await bed.Peer.ReceiveAsync("REGISTER");
        await bed.Peer.RespondAsync(deregister, 200);
        await stopping;
        var answer = await bed.NotifyAsync(subscribe, 1, "terminated", UeTestBed.ContactXml(register, "terminated", "unregistered", expires: 0),
            subscriptionState: "terminated;reason=timeout");
        var notification = await bed.NextNotificationAsync();

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("terminated", notification.SubscriptionState);
        Assert.Equal("timeout", notification.SubscriptionStateReason);
        Assert.False(bed.Ue.IsSubscribedToRegEvent);
        Assert.Null(bed.Ue.NextSubscriptionRefreshAt);
        Assert.Equal(UeRegistrationState.Deregistered, bed.Ue.State);
    }

    [Fact]
    public async Task RefreshesTheSubscriptionInItsDialogSixHundredSecondsBeforeItExpires()
    {
        await using var bed = UeTestBed.Create();
        var register = await bed.RegisterWithoutChallengeAsync(grantedExpires: 2_000_000);
        var subscribe = (await bed.AcceptSubscriptionAsync(register)).Request;
        await bed.NextNotificationAsync();
        var due = bed.Time.GetUtcNow().AddSeconds(599_400);
        Assert.Equal(due, bed.Ue.NextSubscriptionRefreshAt);

        bed.Time.Advance(TimeSpan.FromSeconds(599_400));
        var refresh = (await bed.Peer.ReceiveAsync("SUBSCRIBE")).Request;

        // RFC 6665 4.1.2.2: a refresh is sent within the dialog: same Call-ID and tags, the next CSeq.
        Assert.Equal(subscribe.CallId, refresh.CallId);
        Assert.Equal(subscribe.From!.Tag, refresh.From!.Tag);
        Assert.Equal($"peer{subscribe.CSeq!.Value.Number}", refresh.To!.Tag);
        Assert.Equal(subscribe.CSeq.Value.Number + 1, refresh.CSeq!.Value.Number);
        Assert.Equal("reg", refresh.Headers.GetFirst(SipHeaderNames.Event));
    }

    [Fact]
    public async Task ProbationRegistersAgainAfterRetryAfter()
    {
        await using var bed = UeTestBed.Create();
        var (register, subscribe) = await bed.RegisterAndSubscribeAsync();

        var probation = UeTestBed.ContactXml(register, "terminated", "probation", expires: null).Replace("event=\"probation\"", "event=\"probation\" retry-after=\"120\"", StringComparison.Ordinal);
        await bed.NotifyAsync(subscribe, 1, "terminated", probation, subscriptionState: "terminated;reason=probation");
        await bed.NextNotificationAsync();

        Assert.Equal(UeRegistrationState.Deregistered, bed.Ue.State);
        Assert.Equal(bed.Time.GetUtcNow().AddSeconds(120), bed.Ue.NextRegistrationRefreshAt);
        bed.Time.Advance(TimeSpan.FromSeconds(120));
        var again = await bed.Peer.ReceiveAsync("REGISTER");
        Assert.NotEqual(register.Request.CallId, again.Request.CallId);
        Assert.Contains("response=\"\"", again.Request.Headers.GetFirst(SipHeaderNames.Authorization));
    }

    [Fact]
    public async Task AnUnreadableBodyIsStillAnsweredAndReportedWithItsReason()
    {
        await using var bed = UeTestBed.Create();
        var (register, subscribe) = await bed.RegisterAndSubscribeAsync();

        var answer = await bed.NotifyAsync(subscribe, 1, "active", "<contact id=\"broken\"");
        var notification = await bed.NextNotificationAsync();

        Assert.Equal(200, answer.StatusCode);
        Assert.Null(notification.Document);
        Assert.Equal(ReginfoReadError.MalformedXml, notification.ReadError);
        Assert.Equal(UeRegistrationState.Registered, bed.Ue.State);
    }

    [Fact]
    public async Task ARefusedSubscriptionLeavesTheRegistrationAloneAndIsTriedAgainAfterTheNextRegistration()
    {
        await using var bed = UeTestBed.Create();
        await bed.RegisterWithoutChallengeAsync();

        var subscribe = await bed.Peer.ReceiveAsync("SUBSCRIBE");
        await bed.Peer.RespondAsync(subscribe, 403);
        await bed.WhenIdleAsync();
        bed.Time.Advance(TimeSpan.FromSeconds(599_400));
        var refresh = await bed.Peer.ReceiveAsync("REGISTER");
        await bed.AcceptAsync(refresh);
        var retry = await bed.Peer.ReceiveAsync("SUBSCRIBE");

        Assert.Equal(UeRegistrationState.Registered, (await bed.NextStateAsync(UeRegistrationState.Registered)).Current);
        Assert.NotEqual(subscribe.Request.CallId, retry.Request.CallId);
    }
}
