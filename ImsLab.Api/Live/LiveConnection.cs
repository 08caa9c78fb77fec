using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace ImsLab.Api.Live;

/// <summary>
/// One hub connection's subscription and its own bounded outbox, emptied by its own send loop.
/// </summary>
/// <remarks>
/// Why per connection and not SignalR groups: a group send completes only when every member has taken the message,
/// so one client that stops reading (its socket buffers and SignalR's 64 KiB pipe full) holds every batch, for
/// everyone, until SignalR's transport send timeout closes it, and cancelling the group send does not close it
/// (measured with ImsLab.Benchmarks hub-storm: one stalled client took 20 healthy ones from 5000 to 1400 events/s).
/// Here a slow client only fills its own outbox, which drops its oldest messages (counted), and a write that does
/// not complete within <see cref="SendTimeout"/> closes that connection (the JS client's automatic reconnect can
/// bring it back). Messages are serialized once and shared by every connection that gets them.
/// </remarks>
internal sealed class LiveConnection
{
    /// <summary>Messages a connection may have waiting: three seconds of batches at the broadcaster's pace.</summary>
    public const int OutboxCapacity = 32;

    /// <summary>How long one message may take to reach a client before the connection is closed as stalled.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);

    private readonly ILiveClient _client;
    private readonly Channel<SerializedHubMessage> _outbox;
    private LiveSubscription _subscription = LiveSubscription.None;
    private long _dropped;

    public LiveConnection(ILiveClient client)
    {
        _client = client;
        _outbox = Channel.CreateBounded<SerializedHubMessage>(
            new BoundedChannelOptions(OutboxCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    public string ConnectionId => _client.ConnectionId;

    public LiveSubscription Subscription
    {
        get => Volatile.Read(ref _subscription);
        set => Volatile.Write(ref _subscription, value);
    }

    /// <summary>Messages this connection lost because it did not keep up.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>A client message (target and one argument) ready to be offered to many connections.</summary>
    public static SerializedHubMessage Message(string target, object payload) => new(new InvocationMessage(target, [payload]));

    /// <summary>Queues a message; never waits (a full outbox loses its oldest message).</summary>
    public void Offer(SerializedHubMessage message) => _outbox.Writer.TryWrite(message);

    /// <summary>Ends the send loop; messages not yet sent are discarded with the connection.</summary>
    public void Complete() => _outbox.Writer.TryComplete();

    /// <summary>Sends the outbox in order until <see cref="Complete"/> or a stalled write closes the connection.</summary>
    public async Task RunAsync(TimeProvider time)
    {
        await foreach (var message in _outbox.Reader.ReadAllAsync())
        {
            using var timeout = new CancellationTokenSource(SendTimeout, time);
            try
            {
                await _client.WriteAsync(message, timeout.Token);
            }
            catch (Exception)
            {
                // Timed out (OperationCanceledException) or the transport broke: either way this client is gone
                // for us, and closing it tells the client to reconnect.
                _client.Abort();
                Complete();
                return;
            }
        }
    }
}
