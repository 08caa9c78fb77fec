using ImsLab.Sip.Monitoring;

namespace ImsLab.Api.Live;

/// <summary>Sends a <see cref="RegistrationStatistics"/> snapshot to the "counters" group every <see cref="Interval"/>.</summary>
internal sealed class RegistrationCountersBroadcaster(RegistrationStatistics statistics, LiveSender sender, TimeProvider time)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await sender.SendAsync(LiveMessages.Counters, [(LiveGroups.Counters, statistics.Snapshot())], stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }
}
