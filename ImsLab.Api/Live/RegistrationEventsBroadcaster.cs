using ImsLab.Api.Events;
using ImsLab.Sip.Events;
using ImsLab.Sip.Monitoring;
using Microsoft.AspNetCore.SignalR;

namespace ImsLab.Api.Live;

/// <summary>
/// Reads the registration event bus in batches (one per <see cref="BatchInterval"/>, or sooner when a batch is full)
/// and hands each hub connection one "events" message with the events it subscribed to. Under a registration storm
/// a client thus gets about ten messages a second instead of one per event. If this loop falls behind the bus, the
/// batcher drops its oldest events (counted); the SIP engine's Publish never waits.
/// </summary>
internal sealed class RegistrationEventsBroadcaster(
    RegistrationEventBus bus, LiveConnections connections, TimeProvider time, ILogger<RegistrationEventsBroadcaster> logger)
    : BackgroundService
{
    /// <summary>How long events gather before they are sent: short enough to look live, long enough to batch a storm.</summary>
    public static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>A storm drops in every batch; one warning per this long says so without flooding the log.</summary>
    public static readonly TimeSpan DropWarningInterval = TimeSpan.FromSeconds(10);

    private long _dropped;
    private long _droppedWhenWarned;
    private DateTimeOffset _warnedAt = DateTimeOffset.MinValue;

    /// <summary>Events lost since start because this broadcaster fell behind the bus.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var batcher = new RegistrationEventBatcher(bus, time, BatchInterval);
        try
        {
            await foreach (var batch in batcher.ReadBatchesAsync(stoppingToken))
            {
                try
                {
                    var events = batch.Select(EventResponse.From).ToArray();
                    var toAll = LiveConnection.Message(LiveMessages.Events, events); // serialized at most once, when first written
                    foreach (var connection in connections.All)
                    {
                        Deliver(connection, events, toAll);
                    }
                }
                catch (Exception exception)
                {
                    // An exception leaving a BackgroundService stops the host: lose this batch, not the SIP engine.
                    LiveLog.BatchFailed(logger, batch.Count, exception);
                }
                WarnOfDrops(batcher.Dropped);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    /// <summary>Offers <paramref name="connection"/> the events of the batch it subscribed to, if any.</summary>
    private static void Deliver(LiveConnection connection, EventResponse[] batch, SerializedHubMessage toAll)
    {
        var subscription = connection.Subscription;
        if (subscription.All)
        {
            connection.Offer(toAll);
        }
        else if (subscription.WantsEvents && subscription.Select(batch) is { Count: > 0 } selected)
        {
            connection.Offer(LiveConnection.Message(LiveMessages.Events, selected));
        }
    }

    private void WarnOfDrops(long dropped)
    {
        Interlocked.Exchange(ref _dropped, dropped);
        var now = time.GetUtcNow();
        if (dropped > _droppedWhenWarned && now - _warnedAt >= DropWarningInterval)
        {
            LiveLog.EventsDropped(logger, dropped - _droppedWhenWarned, dropped);
            _droppedWhenWarned = dropped;
            _warnedAt = now;
        }
    }
}
