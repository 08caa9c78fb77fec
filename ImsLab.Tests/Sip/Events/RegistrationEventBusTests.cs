using ImsLab.Sip.Events;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Tests.Sip.Events;

public sealed class RegistrationEventBusTests
{
    internal static RegistrationEvent Event(int n) => new()
    {
        Id = Guid.NewGuid(), OccurredAt = DateTimeOffset.UnixEpoch.AddSeconds(n), Type = RegistrationEventType.Registered,
        Impu = $"sip:u{n}@ims.lab",
    };

    [Fact]
    public void EverySubscriberGetsEveryEventInOrder()
    {
        var bus = new RegistrationEventBus();
        using var first = bus.Subscribe();
        using var second = bus.Subscribe();
        var events = Enumerable.Range(0, 3).Select(Event).ToList();

        events.ForEach(bus.Publish);

        Assert.Equal(events, Drain(first));
        Assert.Equal(events, Drain(second));
    }

    [Fact]
    public void ASlowSubscriberLosesItsOldestEventsAndCountsThemWithoutSlowingThePublisher()
    {
        var bus = new RegistrationEventBus();
        using var slow = bus.Subscribe(capacity: 2);
        using var fast = bus.Subscribe(capacity: 100);
        var events = Enumerable.Range(0, 5).Select(Event).ToList();

        events.ForEach(bus.Publish);

        Assert.Equal(events[3..], Drain(slow));
        Assert.Equal(3, slow.Dropped);
        Assert.Equal(events, Drain(fast));
        Assert.Equal(0, fast.Dropped);
    }

    [Fact]
    public void ADisposedSubscriberGetsNothingMore()
    {
        var bus = new RegistrationEventBus();
        var subscriber = bus.Subscribe();
        subscriber.Dispose();

        bus.Publish(Event(1));

        Assert.Empty(Drain(subscriber));
        Assert.True(subscriber.Reader.Completion.IsCompleted);
        Assert.Equal(1, bus.Published);
    }

    private static List<RegistrationEvent> Drain(RegistrationEventSubscriber subscriber)
    {
        var events = new List<RegistrationEvent>();
        while (subscriber.Reader.TryRead(out var e)) events.Add(e);
        return events;
    }
}
