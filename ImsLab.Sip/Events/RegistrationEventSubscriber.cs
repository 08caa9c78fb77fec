using System.Threading.Channels;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Events;

/// <summary>One subscriber's bounded queue of registration events (see <see cref="RegistrationEventBus"/>).</summary>
public sealed class RegistrationEventSubscriber : IDisposable
{
    private readonly RegistrationEventBus _bus;
    private readonly Channel<RegistrationEvent> _channel;
    private long _dropped;

    internal RegistrationEventSubscriber(RegistrationEventBus bus, int capacity)
    {
        _bus = bus;
        _channel = Channel.CreateBounded<RegistrationEvent>(
            new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = false,
                SingleWriter = false,
                AllowSynchronousContinuations = false,
            },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>The events, in publishing order; completes when the subscriber is disposed.</summary>
    public ChannelReader<RegistrationEvent> Reader => _channel.Reader;

    /// <summary>Events this subscriber lost because it fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Stops the subscription; events already queued can still be read.</summary>
    public void Dispose()
    {
        _bus.Unsubscribe(this);
        _channel.Writer.TryComplete();
    }

    internal void Offer(RegistrationEvent registrationEvent) => _channel.Writer.TryWrite(registrationEvent);
}
