using ImsLab.Api.Events;
using ImsLab.Sip.Events;
using ImsLab.Sip.Monitoring;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Api.Live;

/// <summary>
/// Reads the registration event bus in batches (one per <see cref="BatchInterval"/>, or sooner when a batch is full)
/// and sends each batch as one "events" message to the "all" group and the matching IMPU and IMPI groups. Under a
/// registration storm the hub thus sends ten messages a second per client instead of one per event.
/// </summary>
internal sealed partial class RegistrationEventsBroadcaster(
    RegistrationEventBus bus, LiveSender sender, TimeProvider time, ILogger<RegistrationEventsBroadcaster> logger)
    : BackgroundService
{
    /// <summary>How long events gather before they are sent: short enough to look live, long enough to batch a storm.</summary>
    public static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(100);

    private long _dropped;

    /// <summary>Events lost since start because the hub fell behind the bus.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var batcher = new RegistrationEventBatcher(bus, time, BatchInterval);
        try
        {
            await foreach (var batch in batcher.ReadBatchesAsync(stoppingToken))
            {
                await sender.SendAsync(LiveMessages.Events, Fanout(batch), stoppingToken);
                var dropped = batcher.Dropped;
                var previous = Interlocked.Exchange(ref _dropped, dropped);
                if (dropped > previous)
                {
                    LiveLog.EventsDropped(logger, dropped - previous, dropped);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    /// <summary>The whole batch to "all", and to each IMPU and IMPI group the events that name it, in batch order.</summary>
    internal static IEnumerable<(string Group, object Payload)> Fanout(IReadOnlyList<RegistrationEvent> batch)
    {
        var all = new EventResponse[batch.Count];
        Dictionary<string, List<EventResponse>>? byGroup = null;
        for (var i = 0; i < batch.Count; i++)
        {
            var registrationEvent = batch[i];
            var response = EventResponse.From(registrationEvent);
            all[i] = response;
            if (registrationEvent.Impu is { } impu)
            {
                Add(byGroup ??= new(StringComparer.Ordinal), LiveGroups.OfImpu(impu), response);
            }
            if (registrationEvent.Impi is { } impi)
            {
                Add(byGroup ??= new(StringComparer.Ordinal), LiveGroups.OfImpi(impi), response);
            }
        }

        yield return (LiveGroups.All, all);
        if (byGroup is not null)
        {
            foreach (var (group, events) in byGroup)
            {
                yield return (group, events);
            }
        }
    }

    private static void Add(Dictionary<string, List<EventResponse>> byGroup, string group, EventResponse response)
    {
        if (!byGroup.TryGetValue(group, out var events))
        {
            byGroup[group] = events = [];
        }
        events.Add(response);
    }
}
