using ImsLab.Sip.Messages;
using ImsLab.Sip.Transport;
using ImsLab.Sip.Ue;

namespace ImsLab.Tests.Sip.Ue;

public sealed class UeSimulatorRegistrationTests
{
    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    public async Task InitialRegisterLooksLikeARealUesRegister(SipTransportProtocol protocol)
    {
        await using var bed = UeTestBed.Create(protocol);

        var register = (await bed.StartAsync()).Request;

        Assert.Equal($"sip:{UeTestBed.Domain}", register.RequestUri.ToString());
        Assert.Equal(UeTestBed.Impu, register.From!.Uri.ToString());
        Assert.False(string.IsNullOrEmpty(register.From.Tag));
        Assert.Equal(UeTestBed.Impu, register.To!.Uri.ToString());
        Assert.Null(register.To.Tag);
        Assert.Equal(new SipCSeq(1, "REGISTER"), register.CSeq);
        Assert.Equal(70, register.MaxForwards);
        Assert.Equal(600_000, register.Expires);
        Assert.Equal(protocol == SipTransportProtocol.Udp ? "UDP" : "TCP", register.TopVia!.Transport);
        Assert.StartsWith("z9hG4bK", register.TopVia.Branch);

        var contact = Assert.Single(register.Contacts);
        Assert.Equal("urn:gsma:imei:35425006-000655-0", contact.InstanceId);
        Assert.Equal("\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\"", contact.Parameters.Get("+g.3gpp.icsi-ref"));
        Assert.True(contact.Parameters.Contains("+g.3gpp.smsip"));
        Assert.Equal("127.0.0.1", contact.Uri.Host);
        Assert.Equal(bed.Ue.LocalEndPoint!.Port, contact.Uri.Port);
        Assert.Equal(protocol == SipTransportProtocol.Tcp ? "tcp" : null, contact.Uri.Parameters.Get("transport"));

        // TS 24.229 5.1.1.2.1 and the seeds: the first REGISTER carries an Authorization with an empty nonce and response.
        var authorization = register.Headers.GetFirst(SipHeaderNames.Authorization);
        Assert.Equal($"Digest username=\"{UeTestBed.Impi}\",realm=\"{UeTestBed.Domain}\",nonce=\"\",uri=\"sip:{UeTestBed.Domain}\",response=\"\"", authorization);
        Assert.Equal("path", register.Headers.GetFirst(SipHeaderNames.Supported));
        Assert.Equal("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=0010100010000001", register.Headers.GetFirst(SipHeaderNames.PAccessNetworkInfo));
        Assert.Equal("ImsLab-UeSim/1.0", register.Headers.GetFirst(SipHeaderNames.UserAgent));
        Assert.Equal(UeRegistrationState.Registering, bed.Ue.State);
    }

    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    public async Task TwoHundredOkRecordsServiceRouteAssociatedUrisAndGrantedExpiry(SipTransportProtocol protocol)
    {
        await using var bed = UeTestBed.Create(protocol);

        await bed.RegisterWithoutChallengeAsync(grantedExpires: 3600);

        Assert.Equal(UeRegistrationState.Registered, bed.Ue.State);
        Assert.Equal([UeTestBed.ScscfRoute], bed.Ue.ServiceRoute);
        Assert.Equal([UeTestBed.Impu, "tel:+11234567890"], bed.Ue.AssociatedUris);
        Assert.Equal(TimeSpan.FromSeconds(3600), bed.Ue.GrantedExpires);
        Assert.Equal(bed.Time.GetUtcNow().AddSeconds(3600), bed.Ue.RegistrationExpiresAt);
    }

    [Fact]
    public async Task ReregistersSixHundredSecondsBeforeALongRegistrationExpires()
    {
        await using var bed = UeTestBed.CreateWithoutRegEvent();
        var initial = (await bed.RegisterWithoutChallengeAsync(grantedExpires: 600_000)).Request;
        var due = bed.Time.GetUtcNow().AddSeconds(599_400);

        Assert.Equal(due, bed.Ue.NextRegistrationRefreshAt);
        bed.Time.Advance(TimeSpan.FromSeconds(599_399));
        Assert.Equal(due, bed.Ue.NextRegistrationRefreshAt);
        Assert.Equal(UeRegistrationState.Registered, bed.Ue.State);

        bed.Time.Advance(TimeSpan.FromSeconds(1));
        var refresh = (await bed.Peer.ReceiveAsync("REGISTER")).Request;

        // RFC 3261 10.2: same Call-ID and From tag, CSeq one higher.
        Assert.Equal(initial.CallId, refresh.CallId);
        Assert.Equal(initial.From!.Tag, refresh.From!.Tag);
        Assert.Equal(initial.CSeq!.Value.Number + 1, refresh.CSeq!.Value.Number);
        Assert.Equal(600_000, refresh.Expires);
    }

    [Fact]
    public async Task ReregistersAtHalfTimeWhenTheNetworkGrantsTwentyMinutesOrLess()
    {
        await using var bed = UeTestBed.CreateWithoutRegEvent();
        await bed.RegisterWithoutChallengeAsync(grantedExpires: 1000);

        Assert.Equal(bed.Time.GetUtcNow().AddSeconds(500), bed.Ue.NextRegistrationRefreshAt);
        bed.Time.Advance(TimeSpan.FromSeconds(500));
        var refresh = await bed.Peer.ReceiveAsync("REGISTER");
        await bed.AcceptAsync(refresh, grantedExpires: 1000);
        await bed.NextStateAsync(UeRegistrationState.Registered);

        Assert.Equal(bed.Time.GetUtcNow().AddSeconds(500), bed.Ue.NextRegistrationRefreshAt);
    }

    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    public async Task StopDeregistersWithExpiresZeroOnTheSameCallId(SipTransportProtocol protocol)
    {
        await using var bed = UeTestBed.CreateWithoutRegEvent(protocol: protocol);
        var initial = (await bed.RegisterWithoutChallengeAsync()).Request;

        var stopping = bed.Ue.StopAsync(CancellationToken.None);
        var deregister = await bed.Peer.ReceiveAsync("REGISTER");
        await bed.Peer.RespondAsync(deregister, 200);
        await stopping;

        Assert.Equal(0, deregister.Request.Expires);
        Assert.Equal(initial.CallId, deregister.Request.CallId);
        Assert.Equal(initial.Contacts.Single().Uri, deregister.Request.Contacts.Single().Uri);
        Assert.Equal(UeRegistrationState.Deregistered, bed.Ue.State);
        Assert.Null(bed.Ue.NextRegistrationRefreshAt);
        Assert.Empty(bed.Ue.ServiceRoute);
    }

    [Fact]
    public async Task AFinalErrorFailsTheRegistrationWithItsStatusCode()
    {
        await using var bed = UeTestBed.Create();
        var register = await bed.StartAsync();

        await bed.Peer.RespondAsync(register, 403);

        Assert.Equal(UeRegistrationState.Failed, await bed.Started!);
        Assert.Equal(UeFailureReason.Rejected, bed.Ue.FailureReason);
        Assert.Equal(403, bed.Ue.LastChange.StatusCode);
        Assert.Null(bed.Ue.NextRegistrationRefreshAt);
    }

    [Fact]
    public async Task IntervalTooBriefIsRetriedWithTheRegistrarsMinExpires()
    {
        await using var bed = UeTestBed.Create(configure: registrar => UeTestBed.CreateOptions(registrar) with { SubscribeToRegEvent = false, Expires = 30 });
        var first = await bed.StartAsync();

        await bed.Peer.RespondAsync(first, 423, response => response.Headers.Add(SipHeaderNames.MinExpires, "600"));
        var second = await bed.Peer.ReceiveAsync("REGISTER");
        await bed.AcceptAsync(second, grantedExpires: 600);

        Assert.Equal(30, first.Request.Expires);
        Assert.Equal(600, second.Request.Expires);
        Assert.Equal(UeRegistrationState.Registered, await bed.Started!);
    }

    [Fact]
    public async Task TheTraceHoldsEveryMessageOfTheExchangeInOrder()
    {
        await using var bed = UeTestBed.CreateWithoutRegEvent();

        await bed.RegisterWithoutChallengeAsync();

        Assert.Collection(bed.Ue.Trace,
            sent => { Assert.Equal(UeSipDirection.Sent, sent.Direction); Assert.Equal($"REGISTER sip:{UeTestBed.Domain} SIP/2.0", sent.StartLine); Assert.Contains("Via: SIP/2.0/UDP", sent.Text); },
            received => { Assert.Equal(UeSipDirection.Received, received.Direction); Assert.Equal("SIP/2.0 200 OK", received.StartLine); });
    }
}
