using ImsLab.Sip.Events;
using ImsLab.Sip.Subscribers;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImsLab.Tests.Sip.Events;

public sealed class RegistrationEventLogWriterTests
{
    private sealed class RecordingLog : IRegistrationEventLog
    {
        public List<IReadOnlyList<RegistrationEvent>> Batches { get; } = [];
        public TaskCompletionSource<int> Appended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Fail { get; set; }
        public int Total => Batches.Sum(b => b.Count);

        public ValueTask AppendAsync(IReadOnlyList<RegistrationEvent> events, CancellationToken cancellationToken)
        {
            if (Fail) { Fail = false; throw new InvalidOperationException("log down"); }
            lock (Batches) { Batches.Add([.. events]); if (Total >= 5) Appended.TrySetResult(Total); }
            return ValueTask.CompletedTask;
        }

        public ValueTask<IReadOnlyList<RegistrationEvent>> QueryAsync(RegistrationEventQuery query, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<RegistrationEvent>>([]);

        public ValueTask<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) => ValueTask.FromResult(0);
    }

    [Fact]
    public async Task PublishedEventsReachTheLogAndWhatIsQueuedAtStopIsStillWritten()
    {
        var bus = new RegistrationEventBus();
        var log = new RecordingLog();
        var writer = new RegistrationEventLogWriter(bus, log, NullLogger<RegistrationEventLogWriter>.Instance, maxBatch: 2);
        using var cts = new CancellationTokenSource();
        var run = writer.RunAsync(cts.Token);
        while (!SubscribedYet(bus)) await Task.Yield();

        for (var i = 0; i < 5; i++) bus.Publish(RegistrationEventBusTests.Event(i));
        await log.Appended.Task.WaitAsync(TimeSpan.FromSeconds(10));
        cts.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(5, writer.Written);
        Assert.All(log.Batches, b => Assert.InRange(b.Count, 1, 2));
    }

    [Fact]
    public async Task AFailingBatchIsCountedAndTheWriterGoesOn()
    {
        var bus = new RegistrationEventBus();
        var log = new RecordingLog { Fail = true };
        var writer = new RegistrationEventLogWriter(bus, log, NullLogger<RegistrationEventLogWriter>.Instance, maxBatch: 1);
        using var cts = new CancellationTokenSource();
        var run = writer.RunAsync(cts.Token);
        while (!SubscribedYet(bus)) await Task.Yield();

        for (var i = 0; i < 6; i++) bus.Publish(RegistrationEventBusTests.Event(i));
        await log.Appended.Task.WaitAsync(TimeSpan.FromSeconds(10));
        cts.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, writer.Failed);
        Assert.Equal(5, writer.Written);
    }

    // The writer subscribes inside RunAsync; events published before that would not reach it.
    private static bool SubscribedYet(RegistrationEventBus bus) => bus.SubscriberCount > 0;
}
