using ImsLab.Sip.Monitoring;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.EndToEnd;
using ImsLab.Tests.Support;
using ImsLab.Web.Services.Events;

namespace ImsLab.Tests.Web.Services;

public sealed class EventTimelineFilterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private readonly ImplicitSetResolver _implicitSets;

    public EventTimelineFilterTests()
    {
        var hss = new InMemorySubscriberDirectory();
        hss.Add(TestSubscribers.Aka());
        _implicitSets = new ImplicitSetResolver(hss);
    }

    private static RegistrationEvent Event(RegistrationEventType type = RegistrationEventType.Registered, string? impu = "sip:alice@ims.example.org",
        string? impi = "alice", DateTimeOffset? at = null) =>
        new() { Id = Guid.NewGuid(), OccurredAt = at ?? Noon, Type = type, Impu = impu, Impi = impi };

    private ValueTask<RegistrationEventQuery> QueryOf(EventTimelineFilter filter) => filter.ToQueryAsync(_implicitSets, 10, default);

    [Fact]
    public async Task AnIdentityWithAUriSchemeFiltersByImpuAndAnyOtherByImpi()
    {
        var bySip = await QueryOf(new EventTimelineFilter { Identity = " sip:alice@ims.example.org " });
        var byTel = await QueryOf(new EventTimelineFilter { Identity = "tel:+15550000001" });
        var byImpi = await QueryOf(new EventTimelineFilter { Identity = "alice" });

        Assert.Equal(["sip:alice@ims.example.org"], bySip.Impus!);
        Assert.Null(bySip.Impi);
        Assert.Equal(["tel:+15550000001"], byTel.Impus!);
        Assert.Equal("alice", byImpi.Impi);
        Assert.Null(byImpi.Impus);
        Assert.Equal(10, byImpi.Limit);
    }

    [Fact]
    public async Task AnImpuCoversItsImplicitSetInTheHistoryAndLive()
    {
        var query = await QueryOf(new EventTimelineFilter { Identity = TestSubscribers.AkaTel });

        Assert.Contains(TestSubscribers.AkaImpu, query.Impus!);
        Assert.True(query.Matches(Event(impu: TestSubscribers.AkaImpu, impi: TestSubscribers.AkaImpi)));
        Assert.False(query.Matches(Event(impu: TestSubscribers.BarredImpu, impi: TestSubscribers.AkaImpi)));
    }

    [Fact]
    public async Task LiveEventsMatchExactlyWhatTheQueryAsksFor()
    {
        var query = await QueryOf(new EventTimelineFilter
        {
            Type = RegistrationEventType.Registered, Identity = "SIP:Alice@ims.example.org", Since = Noon, Until = Noon.AddHours(1),
        });

        Assert.True(query.Matches(Event()));
        Assert.False(query.Matches(Event(type: RegistrationEventType.Expired)));
        Assert.False(query.Matches(Event(impu: "sip:bob@ims.example.org")));
        Assert.False(query.Matches(Event(at: Noon.AddTicks(-1))));
        Assert.False(query.Matches(Event(at: Noon.AddHours(1))));
        Assert.True((await QueryOf(new EventTimelineFilter { Identity = "ALICE" })).Matches(Event()));
        Assert.False((await QueryOf(new EventTimelineFilter { Identity = "alice" })).Matches(Event(impi: null)));
        Assert.True((await QueryOf(new EventTimelineFilter { Identity = "  " })).Matches(Event(impi: null, impu: null)));
    }
}
