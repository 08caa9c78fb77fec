using ImsLab.Api.Events;
using ImsLab.Api.Live;

namespace ImsLab.Tests.Api.Live;

/// <summary>Which events of a batch a hub connection gets.</summary>
public sealed class LiveSubscriptionTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 5, 0, 0, TimeSpan.Zero);

    private static EventResponse Event(string type, string? impu, string? impi) =>
        new(Guid.NewGuid(), At, type, impu, impi, null, null, null, null);

    private static readonly EventResponse AliceChallenged = Event("Challenged", "sip:alice@lab", "alice@lab");
    private static readonly EventResponse Bob = Event("Registered", "sip:bob@lab", "bob@lab");
    private static readonly EventResponse AliceRegistered = Event("Registered", "sip:alice@lab", "alice@lab");
    private static readonly EventResponse Audit = Event("ApiKeyCreated", null, null);
    private static readonly EventResponse[] Batch = [AliceChallenged, Bob, AliceRegistered, Audit];

    [Fact]
    public void AllGetsTheWholeBatchAsItIs()
    {
        Assert.Same(Batch, new LiveSubscription { All = true }.Select(Batch));
    }

    [Fact]
    public void AnImpuGetsItsOwnEventsInBatchOrder()
    {
        var subscription = LiveSubscription.None with { Impus = LiveSubscription.None.Impus.Add("sip:alice@lab") };

        Assert.Equal([AliceChallenged, AliceRegistered], subscription.Select(Batch));
    }

    [Fact]
    public void ImpusAndImpisTogetherGetEachMatchingEventOnce()
    {
        var subscription = LiveSubscription.None with
        {
            Impus = LiveSubscription.None.Impus.Add("sip:alice@lab"),
            Impis = LiveSubscription.None.Impis.Add("alice@lab").Add("bob@lab"),
        };

        Assert.Equal([AliceChallenged, Bob, AliceRegistered], subscription.Select(Batch));
    }

    [Fact]
    public void IdentitiesCompareCaseSensitivelyAsSipUserPartsDo()
    {
        var subscription = LiveSubscription.None with { Impus = LiveSubscription.None.Impus.Add("sip:Alice@lab") };

        Assert.Empty(subscription.Select(Batch));
    }

    [Fact]
    public void NoSubscriptionWantsNoEventsAndCountersAloneWantNoEvents()
    {
        Assert.False(LiveSubscription.None.WantsEvents);
        Assert.False(new LiveSubscription { Counters = true }.WantsEvents);
        Assert.Empty(LiveSubscription.None.Select(Batch));
    }
}
