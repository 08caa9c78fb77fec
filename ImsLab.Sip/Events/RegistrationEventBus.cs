using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Events;

/// <summary>
/// In-process publish/subscribe of registration events (the dashboard's live feed, the event log writer). Publishing
/// never waits: each subscriber has its own bounded queue, and a subscriber that falls behind loses its oldest
/// events, which are counted, instead of slowing down the SIP receive path.
/// </summary>
public sealed class RegistrationEventBus
{
    private readonly Lock _gate = new();
    private RegistrationEventSubscriber[] _subscribers = [];
    private long _published;

    /// <summary>Events published since start.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Subscribers currently listening.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>Hands the event to every subscriber; returns at once.</summary>
    public void Publish(RegistrationEvent registrationEvent)
    {
        Interlocked.Increment(ref _published);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Offer(registrationEvent);
        }
    }

    /// <summary>Starts receiving every event published from now on; dispose the subscriber to stop.</summary>
    /// <param name="capacity">How many unread events the subscriber may hold before the oldest are dropped.</param>
    public RegistrationEventSubscriber Subscribe(int capacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscriber = new RegistrationEventSubscriber(this, capacity);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscriber];
        }
        return subscriber;
    }

    internal void Unsubscribe(RegistrationEventSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = Array.FindAll(_subscribers, s => !ReferenceEquals(s, subscriber));
        }
    }
}
