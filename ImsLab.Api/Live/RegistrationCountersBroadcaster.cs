using ImsLab.Sip.Monitoring;
using Microsoft.AspNetCore.SignalR;

namespace ImsLab.Api.Live;

/// <summary>Offers a <see cref="RegistrationStatistics"/> snapshot to every connection subscribed to counters, every <see cref="Interval"/>.</summary>
internal sealed class RegistrationCountersBroadcaster(RegistrationStatistics statistics, LiveConnections connections, TimeProvider time)
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
                SerializedHubMessage? counters = null;
                foreach (var connection in connections.All)
                {
                    if (connection.Subscription.Counters)
                    {
                        connection.Offer(counters ??= LiveConnection.Message(LiveMessages.Counters, statistics.Snapshot()));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }
}
