using ImsLab.Api.Events;
using ImsLab.Api.Live;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Tests.Api.Live;

/// <summary>How one batch is split over the hub's groups.</summary>
public sealed class RegistrationEventsBroadcasterTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 5, 0, 0, TimeSpan.Zero);

    private static RegistrationEvent Event(RegistrationEventType type, string? impu, string? impi) =>
        new() { Id = Guid.NewGuid(), OccurredAt = At, Type = type, Impu = impu, Impi = impi };

    [Fact]
    public void TheWholeBatchGoesToAllAndEachIdentityGroupGetsItsOwnEventsInOrder()
    {
        var aliceChallenged = Event(RegistrationEventType.Challenged, "sip:alice@lab", "alice@lab");
        var bob = Event(RegistrationEventType.Registered, "sip:bob@lab", "bob@lab");
        var aliceRegistered = Event(RegistrationEventType.Registered, "sip:alice@lab", "alice@lab");
        var audit = Event(RegistrationEventType.ApiKeyCreated, null, null);

        var sends = RegistrationEventsBroadcaster.Fanout([aliceChallenged, bob, aliceRegistered, audit])
            .ToDictionary(s => s.Group, s => ((IEnumerable<EventResponse>)s.Payload).Select(e => e.Id).ToArray());

        Assert.Equal([aliceChallenged.Id, bob.Id, aliceRegistered.Id, audit.Id], sends[LiveGroups.All]);
        Assert.Equal([aliceChallenged.Id, aliceRegistered.Id], sends[LiveGroups.OfImpu("sip:alice@lab")]);
        Assert.Equal([aliceChallenged.Id, aliceRegistered.Id], sends[LiveGroups.OfImpi("alice@lab")]);
        Assert.Equal([bob.Id], sends[LiveGroups.OfImpu("sip:bob@lab")]);
        Assert.Equal([bob.Id], sends[LiveGroups.OfImpi("bob@lab")]);
        Assert.Equal(5, sends.Count); // the audit event names no identity: "all" only
    }

    [Fact]
    public void IdentityGroupsAreCaseSensitiveAsSipUserPartsAre()
    {
        var upper = Event(RegistrationEventType.Registered, "sip:Alice@lab", null);
        var lower = Event(RegistrationEventType.Registered, "sip:alice@lab", null);

        var groups = RegistrationEventsBroadcaster.Fanout([upper, lower]).Select(s => s.Group).ToList();

        Assert.Contains(LiveGroups.OfImpu("sip:Alice@lab"), groups);
        Assert.Contains(LiveGroups.OfImpu("sip:alice@lab"), groups);
    }
}
