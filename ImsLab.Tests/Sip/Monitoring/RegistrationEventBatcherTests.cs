using ImsLab.Sip.Events;
using ImsLab.Sip.Monitoring;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Sip.Monitoring;

public sealed class RegistrationEventBatcherTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly RegistrationEventBus _bus = new();
    private readonly ManualTimeProvider _clock = new();

    private RegistrationEvent Event(int n) => new()
    {
        Id = Guid.CreateVersion7(_clock.GetUtcNow()),
        OccurredAt = _clock.GetUtcNow(),
        Type = RegistrationEventType.Registered,
        Impu = $"sip:user{n}@home1.net",
    };

    [Fact]
    public async Task EventsOfOneIntervalComeOutAsOneBatchWhenTheIntervalEnds()
    {
        using var batcher = new RegistrationEventBatcher(_bus, _clock, Interval);
        await using var batches = batcher.ReadBatchesAsync(CancellationToken.None).GetAsyncEnumerator();
        _bus.Publish(Event(1));

        var next = batches.MoveNextAsync().AsTask();
        _bus.Publish(Event(2));
        _bus.Publish(Event(3));
        Assert.False(next.IsCompleted);
        _clock.Advance(Interval);

        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(["sip:user1@home1.net", "sip:user2@home1.net", "sip:user3@home1.net"], batches.Current.Select(e => e.Impu));
    }

    [Fact]
    public async Task AFullBatchIsHandedOutWithoutWaitingForTheInterval()
    {
        using var batcher = new RegistrationEventBatcher(_bus, _clock, Interval, maxBatch: 2);
        await using var batches = batcher.ReadBatchesAsync(CancellationToken.None).GetAsyncEnumerator();
        for (var i = 0; i < 3; i++)
        {
            _bus.Publish(Event(i));
        }

        Assert.True(await batches.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, batches.Current.Count);
    }

    [Fact]
    public void AConsumerThatFallsBehindLosesItsOldestEventsAndNeverBlocksThePublisher()
    {
        using var batcher = new RegistrationEventBatcher(_bus, _clock, Interval, capacity: 10);

        for (var i = 0; i < 1000; i++)
        {
            _bus.Publish(Event(i));
        }

        Assert.Equal(990, batcher.Dropped);
    }

    [Fact]
    public async Task CancellingEndsTheBatchesQuietly()
    {
        using var batcher = new RegistrationEventBatcher(_bus, _clock, Interval);
        using var cancel = new CancellationTokenSource();
        await using var batches = batcher.ReadBatchesAsync(cancel.Token).GetAsyncEnumerator();

        var next = batches.MoveNextAsync().AsTask();
        await cancel.CancelAsync();

        Assert.False(await next.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task QuietIntervalsYieldNothing()
    {
        using var batcher = new RegistrationEventBatcher(_bus, _clock, Interval);
        await using var batches = batcher.ReadBatchesAsync(CancellationToken.None).GetAsyncEnumerator();

        var next = batches.MoveNextAsync().AsTask();
        _clock.Advance(Interval * 10);

        Assert.False(next.IsCompleted);
        _bus.Publish(Event(1));
        await WaitForTimerAsync();
        _clock.Advance(Interval);
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(batches.Current);
    }

    // The reader wakes on a thread-pool thread and then arms its interval timer on the fake clock.
    private async Task WaitForTimerAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_clock.ActiveTimerCount == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the batcher never armed its interval timer");
            await Task.Yield();
        }
    }
}
