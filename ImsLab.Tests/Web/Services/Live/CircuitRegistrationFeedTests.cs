using System.Diagnostics;
using ImsLab.Sip.Events;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.Support;
using ImsLab.Web.Services.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImsLab.Tests.Web.Services.Live;

public sealed class CircuitRegistrationFeedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly RegistrationEventBus _bus = new();
    private readonly ManualTimeProvider _clock = new();

    private CircuitRegistrationFeed Feed() => new(_bus, _clock, NullLogger<CircuitRegistrationFeed>.Instance);

    private RegistrationEvent Event(int n) => new()
    {
        Id = Guid.CreateVersion7(_clock.GetUtcNow()), OccurredAt = _clock.GetUtcNow(), Type = RegistrationEventType.Registered,
        Impu = $"sip:user{n}@home1.net",
    };

    [Fact]
    public async Task EveryPageOfACircuitSharesOneSubscriptionToTheBus()
    {
        await using var feed = Feed();
        Assert.Equal(0, _bus.SubscriberCount);

        using var overview = feed.Listen(_ => Task.CompletedTask);
        using var registrations = feed.Listen(_ => Task.CompletedTask);

        Assert.Equal(1, _bus.SubscriberCount);
    }

    [Fact]
    public async Task ABurstOfThousandsOfEventsArrivesInAFewBatches()
    {
        await using var feed = Feed();
        var batches = 0;
        var events = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = feed.Listen(batch =>
        {
            batches++;
            if ((events += batch.Count) == 2000)
            {
                all.SetResult();
            }
            return Task.CompletedTask;
        });

        for (var i = 0; i < 2000; i++)
        {
            _bus.Publish(Event(i));
        }

        // A batch that is not full waits one interval on the fake clock; full ones (500 events) go out at once.
        await EndIntervalsUntilAsync(all.Task);
        Assert.InRange(batches, 4, 6);
        Assert.Equal(0, feed.Dropped);
    }

    [Fact]
    public async Task AFailingPageDoesNotStopTheOthers()
    {
        await using var feed = Feed();
        var received = new TaskCompletionSource<IReadOnlyList<RegistrationEvent>>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var broken = feed.Listen(_ => throw new InvalidOperationException("render failed"));
        using var working = feed.Listen(batch =>
        {
            received.TrySetResult(batch);
            return Task.CompletedTask;
        });

        _bus.Publish(Event(1));
        await EndIntervalsUntilAsync(received.Task);

        Assert.Equal("sip:user1@home1.net", Assert.Single(await received.Task).Impu);
    }

    // Advances the fake clock by one interval whenever the batcher waits on it, until done completes.
    private async Task EndIntervalsUntilAsync(Task done)
    {
        var waiting = Stopwatch.StartNew();
        while (!done.IsCompleted)
        {
            Assert.True(waiting.Elapsed < Patience, "the feed never delivered");
            if (_clock.ActiveTimerCount > 0)
            {
                _clock.Advance(CircuitRegistrationFeed.Interval);
            }
            await Task.Yield();
        }
    }

    [Fact]
    public async Task ClosingTheCircuitUnsubscribesFromTheBus()
    {
        var feed = Feed();
        feed.Listen(_ => Task.CompletedTask);

        await feed.DisposeAsync();

        Assert.Equal(0, _bus.SubscriberCount);
        Assert.Throws<ObjectDisposedException>(() => feed.Listen(_ => Task.CompletedTask));
    }
}
