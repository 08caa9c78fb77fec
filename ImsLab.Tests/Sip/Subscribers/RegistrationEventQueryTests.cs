using ImsLab.Sip.Subscribers;

namespace ImsLab.Tests.Sip.Subscribers;

/// <summary>What a live event must meet to join a history read with the same query.</summary>
public sealed class RegistrationEventQueryTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static RegistrationEvent Event(RegistrationEventType type = RegistrationEventType.Registered, string? impu = "sip:alice@ims.example.org",
        string? impi = "alice", DateTimeOffset? at = null) =>
        new() { Id = Guid.NewGuid(), OccurredAt = at ?? Noon, Type = type, Impu = impu, Impi = impi };

    [Fact]
    public void AnEventMatchesWhenItMeetsEveryCriterion()
    {
        var query = new RegistrationEventQuery { Type = RegistrationEventType.Registered, Impi = "ALICE", Since = Noon, Until = Noon.AddHours(1) };

        Assert.True(query.Matches(Event()));
        Assert.False(query.Matches(Event(type: RegistrationEventType.Expired)));
        Assert.False(query.Matches(Event(impi: "bob")));
        Assert.False(query.Matches(Event(impi: null)));
        Assert.False(query.Matches(Event(at: Noon.AddTicks(-1))));
        Assert.False(query.Matches(Event(at: Noon.AddHours(1))));
        Assert.True(new RegistrationEventQuery().Matches(Event(impi: null, impu: null)));
    }

    [Fact]
    public void AnEventMatchesASetOfImpusWhenItIsAboutAnyOneOfThem()
    {
        var query = new RegistrationEventQuery { Impus = ["tel:+15550000001", "SIP:Alice@ims.example.org"] };

        Assert.True(query.Matches(Event()));
        Assert.True(query.Matches(Event(impu: "tel:+15550000001")));
        Assert.False(query.Matches(Event(impu: "sip:bob@ims.example.org")));
        Assert.False(query.Matches(Event(impu: null)));
        Assert.False(new RegistrationEventQuery { Impus = [] }.Matches(Event()));
    }
}
