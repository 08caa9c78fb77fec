using System.Threading.Channels;
using ImsLab.Sip.Ue;

namespace ImsLab.Tests.EndToEnd;

/// <summary>
/// Queues what simulated UEs report (state changes, NOTIFYs) so a test can wait for the one it expects, in order,
/// without missing one that arrived before it started waiting.
/// </summary>
internal sealed class UeReports
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly Channel<UeStateChange> _changes = Channel.CreateUnbounded<UeStateChange>();
    private readonly Channel<UeNotification> _notifications = Channel.CreateUnbounded<UeNotification>();

    /// <summary>Starts queueing <paramref name="ue"/>'s reports.</summary>
    public void Watch(UeSimulator ue)
    {
        ue.StateChanged += (_, change) => _changes.Writer.TryWrite(change);
        ue.NotifyReceived += (_, notification) => _notifications.Writer.TryWrite(notification);
    }

    /// <summary>The next NOTIFY matching <paramref name="match"/>; earlier ones are passed over.</summary>
    public async Task<UeNotification> NextNotificationAsync(Func<UeNotification, bool> match)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var next = await _notifications.Reader.ReadAsync(timeout.Token);
            if (match(next)) return next;
        }
    }

    /// <summary>The next change into <paramref name="state"/>; other changes are passed over.</summary>
    public async Task<UeStateChange> NextStateAsync(UeRegistrationState state)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var next = await _changes.Reader.ReadAsync(timeout.Token);
            if (next.Current == state) return next;
        }
    }
}
