using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using ImsLab.Api.Live;
using ImsLab.Data.Access;
using Microsoft.Extensions.DependencyInjection;

namespace ImsLab.Tests.Api.Live;

/// <summary>
/// /hubs/registrations with the npm SignalR client under Node against the real host on Kestrel: a UE simulator
/// registers over the host's SIP listener and the events arrive over the WebSocket.
/// </summary>
public sealed class RegistrationsHubTests(LiveHubFixture live) : IClassFixture<LiveHubFixture>
{
    private static bool Is(JsonElement registrationEvent, string type, string impu) =>
        registrationEvent.GetProperty("type").ToString() == type && registrationEvent.GetProperty("impu").GetString() == impu;

    [Fact]
    public async Task TheRegisteredEventOfAUeArrivesOverSignalR()
    {
        var subscriber = await live.ProvisionAsync("hub-all");
        await using var client = NodeHubClient.Start(live.HubUrl, live.ViewerKey, "--all");
        await client.NextOfKindAsync("connected");

        await using var ue = await live.RegisterAsync(subscriber);

        var events = await client.EventsUntilAsync(e => Is(e, "Registered", subscriber.Impu));
        var registered = events[^1];
        Assert.Equal(subscriber.Impi, registered.GetProperty("impi").GetString());
        Assert.StartsWith("sip:", registered.GetProperty("contact").GetString(), StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", registered.GetProperty("flow").GetString(), StringComparison.Ordinal);
        // The challenge came first, in the same order the registrar produced them.
        Assert.Contains(events, e => Is(e, "Challenged", subscriber.Impu));
    }

    [Fact]
    public async Task AnImpuSubscriptionReceivesOnlyThatImpu()
    {
        var watched = await live.ProvisionAsync("hub-watched");
        var other = await live.ProvisionAsync("hub-other");
        await using var everything = NodeHubClient.Start(live.HubUrl, live.ViewerKey, "--all");
        await using var oneImpu = NodeHubClient.Start(live.HubUrl, live.ViewerKey, "--impu", watched.Impu);
        await everything.NextOfKindAsync("connected");
        await oneImpu.NextOfKindAsync("connected");

        // The other subscriber registers first, so its events would reach the watching client before the watched one's.
        await using var otherUe = await live.RegisterAsync(other);
        await using var watchedUe = await live.RegisterAsync(watched);

        var seenByAll = await everything.EventsUntilAsync(e => Is(e, "Registered", watched.Impu));
        Assert.Contains(seenByAll, e => Is(e, "Registered", other.Impu));
        var seenByOne = await oneImpu.EventsUntilAsync(e => Is(e, "Registered", watched.Impu));
        Assert.All(seenByOne, e => Assert.Equal(watched.Impu, e.GetProperty("impu").GetString()));
    }

    [Fact]
    public async Task AnImpuSubscriptionReceivesTheEventsOfEveryImpuOfItsImplicitSet()
    {
        // TS 23.228 4.3.3.4: the tel URI registers with the SIP URI the UE names in To, and no event names it.
        const string tel = "tel:+15550000401";
        var watched = await live.ProvisionAsync("hub-implicit", tel);
        var other = await live.ProvisionAsync("hub-implicit-other");
        await using var client = NodeHubClient.Start(live.HubUrl, live.ViewerKey, "--impu", tel);
        await client.NextOfKindAsync("connected");

        await using var otherUe = await live.RegisterAsync(other);
        await using var watchedUe = await live.RegisterAsync(watched);

        var seen = await client.EventsUntilAsync(e => Is(e, "Registered", watched.Impu));
        Assert.All(seen, e => Assert.Equal(watched.Impu, e.GetProperty("impu").GetString()));
    }

    [Fact]
    public async Task AnImpiSubscriptionReceivesOnlyThatImpi()
    {
        var watched = await live.ProvisionAsync("hub-impi-watched");
        var other = await live.ProvisionAsync("hub-impi-other");
        await using var client = NodeHubClient.Start(live.HubUrl, live.ViewerKey, "--impi", watched.Impi);
        await client.NextOfKindAsync("connected");

        await using var otherUe = await live.RegisterAsync(other);
        await using var watchedUe = await live.RegisterAsync(watched);

        var seen = await client.EventsUntilAsync(e => Is(e, "Registered", watched.Impu));
        Assert.All(seen, e => Assert.Equal(watched.Impi, e.GetProperty("impi").GetString()));
    }

    [Fact]
    public async Task UnsubscribeEndsEarlierSubscriptions()
    {
        var watched = await live.ProvisionAsync("hub-resubscribed");
        var other = await live.ProvisionAsync("hub-unsubscribed");
        await using var client = NodeHubClient.Start(live.HubUrl, live.ViewerKey, "--all", "--unsubscribe", "--impu", watched.Impu);
        await client.NextOfKindAsync("connected");

        await using var otherUe = await live.RegisterAsync(other);
        await using var watchedUe = await live.RegisterAsync(watched);

        var seen = await client.EventsUntilAsync(e => Is(e, "Registered", watched.Impu));
        Assert.All(seen, e => Assert.Equal(watched.Impu, e.GetProperty("impu").GetString()));
    }

    [Fact]
    public async Task CountersArriveOnSubscribingAndThenEverySecond()
    {
        await using var client = NodeHubClient.Start(live.HubUrl, live.ViewerKey, "--counters");

        var (_, beforeConnected) = await client.NextOfKindAsync("connected");
        var counters = new List<JsonElement>(beforeConnected.Where(l => l.GetProperty("target").GetString() == "counters"));
        while (counters.Count < 2)
        {
            var line = await client.NextAsync();
            Assert.Equal("counters", line.GetProperty("target").GetString());
            counters.Add(line);
        }

        var first = counters[0].GetProperty("arguments")[0];
        var second = counters[1].GetProperty("arguments")[0];
        Assert.True(first.GetProperty("registeredContacts").GetInt64() >= 0);
        Assert.True(second.GetProperty("eventsPublished").GetInt64() >= first.GetProperty("eventsPublished").GetInt64());
        Assert.True(second.GetProperty("at").GetDateTimeOffset() > first.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task AnAnonymousConnectionIsRefusedWith401()
    {
        await using var client = NodeHubClient.Start(live.HubUrl, apiKey: null, "--all");

        var (error, _) = await client.NextOfKindAsync("error");

        Assert.Equal(401, error.GetProperty("statusCode").GetInt32());
        using var http = new HttpClient();
        var negotiate = await http.PostAsync(live.HubUrl + "/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        Assert.Equal("application/problem+json", negotiate.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnUnknownApiKeyIsRefusedWith401()
    {
        await using var client = NodeHubClient.Start(live.HubUrl, AccessStore.KeyPrefix + "not-a-key", "--all");

        var (error, _) = await client.NextOfKindAsync("error");

        Assert.Equal(401, error.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task AViewerLoggedInWithACookieMayConnectAndSubscribe()
    {
        var cookie = await live.CookieOfAsync("live-viewer", UserRole.Viewer);
        var subscriber = await live.ProvisionAsync("hub-cookie");
        await using var client = NodeHubClient.Start(live.HubUrl, apiKey: null, "--cookie", cookie, "--impu", subscriber.Impu);
        await client.NextOfKindAsync("connected");

        await using var ue = await live.RegisterAsync(subscriber);

        await client.EventsUntilAsync(e => Is(e, "Registered", subscriber.Impu));
    }

    [Fact]
    public async Task MetricsCountTheOpenConnectionsAndTheDrops()
    {
        await using var client = NodeHubClient.Start(live.HubUrl, live.ViewerKey, "--all");
        await client.NextOfKindAsync("connected");

        // MeterListener sees every host in this test process; the meters of this host are the ones its factory made.
        var scope = live.Host.Services.GetRequiredService<IMeterFactory>();
        var measured = new Dictionary<string, long>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == scope && instrument.Name.StartsWith("imslab.api.live.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => measured[instrument.Name] = value);
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
                measured[instrument.Name + "/" + tags[0].Value] = value);
            listener.Start();
            listener.RecordObservableInstruments();
        }
        Assert.True(measured["imslab.api.live.connections"] >= 1);
        Assert.Equal(0, measured["imslab.api.live.dropped/broadcaster"]);
        Assert.Equal(0, measured["imslab.api.live.dropped/connection"]);

        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(live.BaseUrl + "/metrics");
        Assert.Contains("# TYPE imslab_api_live_connections gauge\n", metrics);
        Assert.Contains("imslab_api_live_dropped_total{stage=\"connection\"}", metrics);
    }

    [Fact]
    public async Task AConnectionWatchesAtMost64Identities()
    {
        var arguments = Enumerable.Range(0, RegistrationsHub.MaxIdentitiesPerConnection + 1).SelectMany(i => (string[])["--impu", $"sip:many{i}@lab"]).ToArray();
        await using var client = NodeHubClient.Start(live.HubUrl, live.ViewerKey, arguments);

        var (error, _) = await client.NextOfKindAsync("error");

        Assert.Contains("at most 64 IMPUs and IMPIs", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyImpuIsRefusedWithAReason()
    {
        await using var client = NodeHubClient.Start(live.HubUrl, live.ViewerKey, "--impu", " ");

        var (error, _) = await client.NextOfKindAsync("error");

        Assert.Contains("The IMPU is empty.", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
