using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using ImsLab.Api.Events;
using ImsLab.Sip;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Transport;
using ImsLab.Sip.Ue;
using ImsLab.Tests.Api.Events;
using ImsLab.Tests.Api.Subscribers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ImsLab.Tests.Api.Postgres;
using ImsLab.Tests.EndToEnd;
using ImsLab.Tests.Sip.Support;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Api.Registrations;

/// <summary>
/// The whole loop over the real host: a subscriber created with POST /api/subscribers registers from the UE simulator,
/// shows in /api/registrations with its SIP trace, arrives on the SSE stream, and is deregistered over REST.
/// </summary>
public abstract class RegistrationsEndToEndTests(ApiFactory factory)
{
    /// <summary>The host these tests run against.</summary>
    protected ApiFactory Host => factory;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private sealed class Handset : IAsyncDisposable
    {
        public required UeSimulator Ue { get; init; }
        public Channel<UeNotification> Notifications { get; } = Channel.CreateUnbounded<UeNotification>();

        public async Task<UeNotification> NextNotificationAsync(Func<UeNotification, bool> match)
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (true)
            {
                var next = await Notifications.Reader.ReadAsync(timeout.Token);
                if (match(next)) return next;
            }
        }

        public ValueTask DisposeAsync() => Ue.DisposeAsync();
    }

    private async Task<Handset> RegisterAsync(string impi, string impu)
    {
        var engine = factory.Services.GetRequiredService<ImsLabSipEngine>();
        var udp = engine.BoundEndpoints.First(e => e.Protocol == SipTransportProtocol.Udp).EndPoint;
        var keys = AkaCredentials.FromOp(Convert.FromHexString(SubscriberBodies.K), Convert.FromHexString(SubscriberBodies.Op), [0x80, 0x00]);
        var ue = new UeSimulator(new UeSimulatorOptions
        {
            Impi = impi, Impu = impu, Domain = SubscriberBodies.Domain, Registrar = udp, Transport = SipTransportProtocol.Udp,
            Credentials = new UeAkaCredentials(keys), InstanceId = "urn:uuid:00000000-0000-1000-8000-000a95a0e128",
        }, TimeProvider.System, NullLoggerFactory.Instance);
        var handset = new Handset { Ue = ue };
        ue.NotifyReceived += (_, notification) => handset.Notifications.Writer.TryWrite(notification);
        Assert.Equal(UeRegistrationState.Registered, await ue.StartAsync(CancellationToken.None));
        await handset.NextNotificationAsync(n => n.Document is not null);
        return handset;
    }

    /// <summary>A raw SIP UE on a real UDP socket towards the host's registrar, for tests that read every response.</summary>
    private async Task<RawUe> RawUeAsync(string impi, string impu)
    {
        var engine = factory.Services.GetRequiredService<ImsLabSipEngine>();
        var udp = engine.BoundEndpoints.First(e => e.Protocol == SipTransportProtocol.Udp).EndPoint;
        return new RawUe(await SipTestPeer.ConnectAsync(SipTransportProtocol.Udp, udp), impi, impu) { RequestUri = "sip:" + SubscriberBodies.Domain };
    }

    /// <summary>The SQN a 401 carries: AUTN = SQN xor AK || AMF || MAC-A, opened with the subscriber's keys (TS 33.102 6.3.3).</summary>
    private static long SqnOf(SipResponse challenge)
    {
        Assert.True(DigestAkaNonce.TryRead(RawUe.ChallengeOf(challenge).Nonce, out var rand, out var autn));
        var usim = new UsimAka(AkaCredentials.FromOp(Convert.FromHexString(SubscriberBodies.K), Convert.FromHexString(SubscriberBodies.Op), [0x80, 0x00]),
            new UsimOptions());
        var opened = usim.Authenticate(rand, autn);
        Assert.NotEqual(UsimAuthenticationOutcome.MacFailure, opened.Outcome);
        return opened.Sqn;
    }

    private static async Task<JsonElement> PollAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done)
    {
        // The event log is written in the background; poll it with a deadline (real I/O).
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting; last answer: {value}");
            await Task.Delay(50);
        }
    }

    private static IEnumerable<string> StartLines(JsonElement detail) =>
        detail.GetProperty("exchanges").EnumerateArray()
            .SelectMany(x => x.GetProperty("messages").EnumerateArray())
            .Select(m => m.GetProperty("text").GetString()!.Split("\r\n")[0]);

    [Fact]
    public async Task ASubscriberCreatedOverRestRegistersShowsWithItsTraceStreamsAndIsDeregisteredOverRest()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity("e2e");
        await SubscriberBodies.CreateAsync(admin, new
        {
            impi, impus = new[] { new { uri = impu } },
            auth = new { schemes = new[] { "AKAv1-MD5" }, k = SubscriberBodies.K, op = SubscriberBodies.Op, amf = "8000" },
        });
        var (stream, events) = await SseReader.OpenAsync(admin, "/api/events/stream?impi=" + Uri.EscapeDataString(impi));
        using var _ = stream;
        using var __ = events;

        await using var handset = await RegisterAsync(impi, impu);

        var streamed = await events.NextEventAsync(e => e.GetProperty("type").GetString() == "Registered", Patience);
        Assert.Equal(impi, streamed.GetProperty("impi").GetString());
        Assert.Equal(impu, streamed.GetProperty("impu").GetString());

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/registrations?impi=" + Uri.EscapeDataString(impi));
        var binding = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(impu, binding.GetProperty("impu").GetString());
        Assert.Equal("ImsLab-UeSim/1.0", binding.GetProperty("userAgent").GetString());
        Assert.Contains("00000000-0000-1000-8000-000a95a0e128", binding.GetProperty("instanceId").GetString());
        Assert.NotEmpty(binding.GetProperty("featureTags").EnumerateArray());
        Assert.StartsWith("3GPP-E-UTRAN-FDD", binding.GetProperty("accessNetworkInfo").GetString());
        Assert.StartsWith("UDP", binding.GetProperty("flow").GetString());
        Assert.InRange(binding.GetProperty("expiresIn").GetInt64(), 1, 7200);
        var searched = await admin.GetFromJsonAsync<JsonElement>("/api/registrations?search=" + Uri.EscapeDataString(impi.Split('@')[0]));
        Assert.Equal(1, searched.GetProperty("total").GetInt32());

        var id = binding.GetProperty("id").GetGuid();
        var detail = await PollAsync(() => admin.GetFromJsonAsync<JsonElement>($"/api/registrations/{id}"),
            d => d.GetProperty("exchanges").EnumerateArray().Any(x => x.GetProperty("event").GetProperty("type").GetString() == "RegEventSubscribed"));
        Assert.Equal(id, detail.GetProperty("registration").GetProperty("id").GetGuid());
        var lines = StartLines(detail).ToList();
        var register = lines.FindIndex(l => l.StartsWith("REGISTER ", StringComparison.Ordinal));
        Assert.True(register >= 0, string.Join(" | ", lines));
        Assert.Equal(["REGISTER", "SIP/2.0 401", "REGISTER", "SIP/2.0 200"], lines.Skip(register).Take(4).Select(l => l.StartsWith("SIP/2.0", StringComparison.Ordinal) ? l[..11] : l.Split(' ')[0]));
        var subscribe = detail.GetProperty("exchanges").EnumerateArray()
            .Single(x => x.GetProperty("event").GetProperty("type").GetString() == "RegEventSubscribed");
        Assert.Equal(["SUBSCRIBE", "SIP/2.0 200", "NOTIFY", "SIP/2.0 200"], subscribe.GetProperty("messages").EnumerateArray()
            .Select(m => m.GetProperty("text").GetString()!.Split("\r\n")[0]).Select(l => l.StartsWith("SIP/2.0", StringComparison.Ordinal) ? l[..11] : l.Split(' ')[0]));
        Assert.Equal(["Received", "Sent", "Sent", "Received"], subscribe.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("direction").GetString()));

        var deregister = await admin.PostAsJsonAsync(SubscriberBodies.PathOf(impi) + "/deregister", new { reason = "rejected" });
        Assert.Equal(HttpStatusCode.Accepted, deregister.StatusCode);
        var result = await deregister.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("affectedContacts").GetInt32());
        var eventId = result.GetProperty("eventIds")[0].GetGuid();
        var notify = await handset.NextNotificationAsync(n => n.SubscriptionState == "terminated");
        Assert.Contains(notify.Document!.Registrations.SelectMany(r => r.Contacts), c => c.Event == ImsLab.Sip.RegEvent.ContactEvent.Rejected);
        var networkEvent = await events.NextEventAsync(e => e.GetProperty("type").GetString() == "NetworkDeregistered", Patience);
        Assert.Equal(eventId, networkEvent.GetProperty("id").GetGuid());
        Assert.Equal("admin", networkEvent.GetProperty("actor").GetString());

        var after = await admin.GetFromJsonAsync<JsonElement>("/api/registrations?impi=" + Uri.EscapeDataString(impi));
        Assert.Equal(0, after.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/registrations/{id}")).StatusCode);
        var again = await admin.PostAsJsonAsync(SubscriberBodies.PathOf(impi) + "/deregister", new { reason = "rejected" });
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnImpiWhoseSqnSpaceIsExhaustedIsRefusedWith403SaysWhyAndIsChallengedFromTheNewSqnOnceItIsReset()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity("exhausted");
        var created = await SubscriberBodies.CreateAsync(admin, new
        {
            impi, impus = new[] { new { uri = impu } }, auth = new { k = SubscriberBodies.K, op = SubscriberBodies.Op, sqn = "ffffffffffff" },
        });
        await using var ue = await RawUeAsync(impi, impu);

        var refused = await ue.SendAsync(ue.Register());
        var refusedAgain = await ue.SendAsync(ue.Register());
        var shown = await admin.GetFromJsonAsync<JsonElement>(SubscriberBodies.PathOf(impi));
        var reset = await admin.PatchAsJsonAsync(SubscriberBodies.PathOf(impi), new { auth = new { sqn = "000020000000" } });
        var challenged = await ue.SendAsync(ue.Register());

        Assert.Equal("ffffffffffe0", created.GetProperty("auth").GetProperty("sqn").GetString());
        foreach (var response in new[] { refused, refusedAgain })
        {
            Assert.Equal(403, response.StatusCode);
            Assert.Contains("SQN space of this IMPI is exhausted; reset its SQN", response.Headers.GetFirst(SipHeaderNames.Warning));
        }
        Assert.Equal("ffffffffffe0", shown.GetProperty("auth").GetProperty("sqn").GetString());
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(SequenceNumber.Compose(0x1000001, 1, 5), SqnOf(challenged));
    }

    [Fact]
    public async Task AnSqnResetOverRestIsHonouredByTheNextChallengeThoughTheRegistrarHoldsReservedSeqs()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity("reset");
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Aka(impi, impu));
        await using var ue = await RawUeAsync(impi, impu);

        var before = SqnOf(await ue.SendAsync(ue.Register()));
        var reset = await admin.PatchAsJsonAsync(SubscriberBodies.PathOf(impi), new { auth = new { sqn = "000020000000" } });
        var after = SqnOf(await ue.SendAsync(ue.Register()));

        Assert.Equal(SequenceNumber.Compose(2, 2, 5), before);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(SequenceNumber.Compose(0x1000001, 1, 5), after);
    }

    [Fact]
    public async Task ReauthenticateAndADeactivatingDeregistrationOfOneImpuAnswer202AndTheUeHearsOfIt()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity("reauth");
        await SubscriberBodies.CreateAsync(admin, new
        {
            impi, impus = new[] { new { uri = impu } },
            auth = new { k = SubscriberBodies.K, op = SubscriberBodies.Op },
        });
        await using var handset = await RegisterAsync(impi, impu);

        var reauthenticate = await admin.PostAsync(SubscriberBodies.PathOf(impi) + "/reauthenticate", null);
        var reauthenticated = await reauthenticate.Content.ReadFromJsonAsync<JsonElement>();
        var shortened = await handset.NextNotificationAsync(n => n.Document?.Registrations.SelectMany(r => r.Contacts)
            .Any(c => c.Event == ImsLab.Sip.RegEvent.ContactEvent.Shortened) == true);
        var deregister = await admin.PostAsJsonAsync(SubscriberBodies.PathOf(impi) + "/deregister", new { impu, reason = "Deactivated" });
        var notify = await handset.NextNotificationAsync(n => n.SubscriptionState == "terminated");

        Assert.Equal(HttpStatusCode.Accepted, reauthenticate.StatusCode);
        Assert.NotEmpty(reauthenticated.GetProperty("eventIds").EnumerateArray());
        Assert.NotNull(shortened);
        Assert.Equal(HttpStatusCode.Accepted, deregister.StatusCode);
        Assert.Contains(notify.Document!.Registrations.SelectMany(r => r.Contacts), c => c.Event == ImsLab.Sip.RegEvent.ContactEvent.Deactivated);
    }

    [Fact]
    public async Task DeletingARegisteredSubscriberDeregistersItsUeFirst()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity("deleted");
        await SubscriberBodies.CreateAsync(admin, new
        {
            impi, impus = new[] { new { uri = impu } }, auth = new { k = SubscriberBodies.K, op = SubscriberBodies.Op },
        });
        await using var handset = await RegisterAsync(impi, impu);

        var delete = await admin.DeleteAsync(SubscriberBodies.PathOf(impi));
        var notify = await handset.NextNotificationAsync(n => n.SubscriptionState == "terminated");
        var registrations = await admin.GetFromJsonAsync<JsonElement>("/api/registrations?impu=" + Uri.EscapeDataString(impu));

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Contains(notify.Document!.Registrations.SelectMany(r => r.Contacts), c => c.Event == ImsLab.Sip.RegEvent.ContactEvent.Rejected);
        Assert.Equal(0, registrations.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task NetworkProceduresOnAnUnregisteredSubscriberAre404()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity("idle");
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Digest(impi, impu));

        var deregister = await admin.PostAsJsonAsync(SubscriberBodies.PathOf(impi) + "/deregister", new { reason = "deactivated" });
        var reauthenticate = await admin.PostAsync(SubscriberBodies.PathOf(impi) + "/reauthenticate", null);

        Assert.Equal(HttpStatusCode.NotFound, deregister.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reauthenticate.StatusCode);
        Assert.Equal("application/problem+json", reauthenticate.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"reason":"kicked"}""", "reason")]
    [InlineData("""{}""", "reason")]
    [InlineData("""{"contact":"sip:ue@192.0.2.1","reason":"rejected"}""", "contact")]
    public async Task ABadDeregistrationIs400NamingTheField(string body, string field)
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.PostAsync(SubscriberBodies.PathOf("someone@" + SubscriberBodies.Domain) + "/deregister",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1001", "pageSize")]
    public async Task ABadRegistrationPageIs400(string query, string field)
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.GetAsync("/api/registrations?" + query);

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Fact]
    public async Task AnUnknownRegistrationIs404()
    {
        using var viewer = await ApiClients.UserAsync(factory, "rita", ImsLab.Data.Access.UserRole.Viewer);

        var response = await viewer.GetAsync($"/api/registrations/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EventsOfTheLogAreFilteredByIdentityAndTypeInTheStreamShape()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity("events");
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Digest(impi, impu));
        await admin.PatchAsJsonAsync(SubscriberBodies.PathOf(impi), new { enabled = false });

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/events?impi=" + Uri.EscapeDataString(impi));
        var created = await admin.GetFromJsonAsync<JsonElement>($"/api/events?impi={Uri.EscapeDataString(impi)}&type=subscriberCreated&limit=5");
        var future = await admin.GetFromJsonAsync<JsonElement>($"/api/events?impi={Uri.EscapeDataString(impi)}&since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}");

        Assert.Equal(["SubscriberCreated", "SubscriberUpdated"], all.EnumerateArray().Select(e => e.GetProperty("type").GetString()).Order());
        var single = Assert.Single(created.EnumerateArray());
        Assert.Equal("admin", single.GetProperty("actor").GetString());
        Assert.Equal(impi, single.GetProperty("impi").GetString());
        Assert.Equal(
            typeof(EventResponse).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order(),
            single.EnumerateObject().Select(p => p.Name).Order());
        Assert.Empty(future.EnumerateArray());
    }

    [Fact]
    public async Task TheEventsOfAnImplicitlyRegisteredImpuAreFoundByItInTheLogLiveAndInAReplay()
    {
        // TS 23.228 4.3.3.4: the tel URI registers with the SIP URI the UE names in To, and no event names it.
        const string tel = "tel:+15550000301";
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity("implicit");
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Aka(impi, impu, extraImpu: tel));
        var (stream, events) = await SseReader.OpenAsync(admin, "/api/events/stream?impu=" + Uri.EscapeDataString(tel));
        using var _ = stream;
        using var __ = events;

        await using var handset = await RegisterAsync(impi, impu);

        var streamed = await events.NextEventAsync(e => e.GetProperty("type").GetString() == "Registered", Patience);
        var logged = await PollAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/events?type=Registered&impu=" + Uri.EscapeDataString(tel)),
            list => list.GetArrayLength() > 0);
        var (replayStream, replay) = await SseReader.OpenAsync(admin,
            $"/api/events/stream?type=Registered&impu={Uri.EscapeDataString(tel)}&since={Uri.EscapeDataString(since.ToString("O"))}");
        using var ___ = replayStream;
        using var ____ = replay;
        var replayed = await replay.NextEventAsync(_ => true, Patience);

        Assert.Equal(impu, streamed.GetProperty("impu").GetString());
        var registered = Assert.Single(logged.EnumerateArray());
        Assert.Equal(impu, registered.GetProperty("impu").GetString());
        Assert.Equal(streamed.GetProperty("id").GetGuid(), registered.GetProperty("id").GetGuid());
        Assert.Equal(streamed.GetProperty("id").GetGuid(), replayed.GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("type=Nonsense", "type")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=10001", "limit")]
    [InlineData("since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z", "until")]
    public async Task ABadEventQueryIs400NamingTheParameter(string query, string field)
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.GetAsync("/api/events?" + query);

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Theory]
    [InlineData("/api/events?since=yesterday")]
    [InlineData("/api/events/stream?since=yesterday")]
    [InlineData("/api/registrations?page=first")]
    [InlineData("/api/subscribers?pageSize=many")]
    public async Task AnUnreadableQueryValueIs400ProblemDetails(string path)
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AStreamWithAnUnknownTypeIs400()
    {
        using var admin = await ApiClients.AdminAsync(factory);

        var response = await admin.GetAsync("/api/events/stream?type=Nonsense");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>The same tests on the embedded database (the quick-start default).</summary>
public sealed class RegistrationsOnEmbeddedDatabaseTests(ApiFactory factory) : RegistrationsEndToEndTests(factory), IClassFixture<ApiFactory>;

/// <summary>The same tests on PostgreSQL, the production store: a fresh database and host per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RegistrationsOnPostgresTests(PgFixture postgres) : RegistrationsEndToEndTests(PostgresApiHost.Start(postgres, "registrations")), IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
