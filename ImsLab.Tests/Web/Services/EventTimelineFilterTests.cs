using ImsLab.Sip.Subscribers;
using ImsLab.Web.Services.Events;

namespace ImsLab.Tests.Web.Services;

public sealed class EventTimelineFilterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static RegistrationEvent Event(RegistrationEventType type = RegistrationEventType.Registered, string? impu = "sip:alice@ims.example.org",
        string? impi = "alice", DateTimeOffset? at = null) =>
        new() { Id = Guid.NewGuid(), OccurredAt = at ?? Noon, Type = type, Impu = impu, Impi = impi };

    [Fact]
    public void AnIdentityWithAUriSchemeFiltersByImpuAndAnyOtherByImpi()
    {
        Assert.Equal(("sip:alice@ims.example.org", (string?)null), (new EventTimelineFilter { Identity = " sip:alice@ims.example.org " }.ToQuery(10).Impu, new EventTimelineFilter { Identity = "sip:alice@ims.example.org" }.ToQuery(10).Impi));
        Assert.Equal("tel:+15550000001", new EventTimelineFilter { Identity = "tel:+15550000001" }.ToQuery(10).Impu);
        var byImpi = new EventTimelineFilter { Identity = "alice" }.ToQuery(10);
        Assert.Equal(("alice", (string?)null), (byImpi.Impi, byImpi.Impu));
        Assert.Equal(10, byImpi.Limit);
    }

    [Fact]
    public void LiveEventsMatchExactlyWhatTheQueryAsksFor()
    {
        var filter = new EventTimelineFilter { Type = RegistrationEventType.Registered, Identity = "SIP:Alice@ims.example.org", Since = Noon, Until = Noon.AddHours(1) };

        Assert.True(filter.Matches(Event()));
        Assert.False(filter.Matches(Event(type: RegistrationEventType.Expired)));
        Assert.False(filter.Matches(Event(impu: "sip:bob@ims.example.org")));
        Assert.False(filter.Matches(Event(at: Noon.AddTicks(-1))));
        Assert.False(filter.Matches(Event(at: Noon.AddHours(1))));
        Assert.True(new EventTimelineFilter { Identity = "ALICE" }.Matches(Event()));
        Assert.False(new EventTimelineFilter { Identity = "alice" }.Matches(Event(impi: null)));
        Assert.True(new EventTimelineFilter { Identity = "  " }.Matches(Event(impi: null, impu: null)));
    }
}
