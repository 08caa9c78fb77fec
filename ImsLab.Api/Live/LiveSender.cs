using Microsoft.AspNetCore.SignalR;

namespace ImsLab.Api.Live;

/// <summary>
/// Sends one message to SignalR groups within a time budget, so that a client which stopped reading cannot hold up
/// the broadcasters (and, through them, every other client) for longer than that.
/// </summary>
/// <remarks>
/// Why this is enough: SignalR gives each connection an output pipe (64 KiB, HttpConnectionDispatcherOptions
/// .TransportMaxBufferSize) in front of the socket's own buffers, and a group send completes as soon as every member
/// has its copy in that pipe. A slow reader is therefore absorbed by its buffers; only a client whose buffers are
/// full for the whole budget makes the send wait, and cancelling that send makes SignalR abort that connection (a
/// partly written message cannot be resumed), which the JS client's automatic reconnect then re-establishes.
/// Upstream, the broadcaster reads the bus through a RegistrationEventBatcher that drops its oldest events, counted,
/// when the broadcaster falls behind; the SIP engine's Publish never waits for any of this.
/// </remarks>
internal sealed class LiveSender(IHubContext<RegistrationsHub> hub, TimeProvider time, ILogger<LiveSender> logger)
{
    /// <summary>How long one fan-out may wait for the slowest connection.</summary>
    public static readonly TimeSpan SendBudget = TimeSpan.FromSeconds(2);

    public async Task SendAsync(string message, IEnumerable<(string Group, object Payload)> sends, CancellationToken stoppingToken)
    {
        using var budget = new CancellationTokenSource(SendBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, budget.Token);
        try
        {
            var pending = new List<Task>();
            foreach (var (group, payload) in sends)
            {
                var send = hub.Clients.Group(group).SendAsync(message, payload, linked.Token);
                if (!send.IsCompletedSuccessfully)
                {
                    pending.Add(send);
                }
            }
            if (pending.Count > 0)
            {
                await Task.WhenAll(pending);
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            LiveLog.SendOverBudget(logger, message, SendBudget);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A broken send must not end the broadcaster: the next batch goes out to whoever is still there.
            LiveLog.SendFailed(logger, message, exception);
        }
    }
}
