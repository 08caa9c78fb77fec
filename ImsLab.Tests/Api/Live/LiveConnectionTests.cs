using ImsLab.Api.Live;
using ImsLab.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace ImsLab.Tests.Api.Live;

/// <summary>A hub connection's outbox: a slow client loses its oldest messages, a stalled one is closed.</summary>
public sealed class LiveConnectionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static SerializedHubMessage Numbered(int n) => LiveConnection.Message(LiveMessages.Events, n);

    private static int NumberOf(SerializedHubMessage message) => (int)((InvocationMessage)message.Message!).Arguments[0]!;

    [Fact]
    public async Task AFullOutboxDropsItsOldestMessagesAndCountsThem()
    {
        var client = new FakeClient();
        var connection = new LiveConnection(client);

        for (var i = 0; i < LiveConnection.OutboxCapacity + 5; i++)
        {
            connection.Offer(Numbered(i));
        }
        connection.Complete();
        await connection.RunAsync(new ManualTimeProvider(DateTimeOffset.UnixEpoch)).WaitAsync(Patience);

        Assert.Equal(5, connection.Dropped);
        Assert.Equal(Enumerable.Range(5, LiveConnection.OutboxCapacity), client.Written.Select(NumberOf));
    }

    [Fact]
    public async Task ASlowClientDoesNotHoldUpOffering()
    {
        var client = new FakeClient { Stalled = true };
        var connection = new LiveConnection(client);
        connection.Offer(Numbered(-1));
        var run = connection.RunAsync(new ManualTimeProvider(DateTimeOffset.UnixEpoch));
        await client.WriteStarted.Task.WaitAsync(Patience); // -1 is being written, and the write does not end

        // Offer returns at once however long the client takes: this is what the broadcaster loop relies on.
        for (var i = 0; i < 1000; i++)
        {
            connection.Offer(Numbered(i));
        }

        Assert.Equal(1000 - LiveConnection.OutboxCapacity, connection.Dropped);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task AWriteThatDoesNotCompleteWithinTheTimeoutClosesTheConnection()
    {
        var client = new FakeClient { Stalled = true };
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var connection = new LiveConnection(client);
        connection.Offer(Numbered(1));
        var run = connection.RunAsync(time);
        await client.WriteStarted.Task.WaitAsync(Patience);

        time.Advance(LiveConnection.SendTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(run.IsCompleted);
        Assert.False(client.Aborted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await run.WaitAsync(Patience);

        Assert.True(client.Aborted);
    }

    private sealed class FakeClient : ILiveClient
    {
        public List<SerializedHubMessage> Written { get; } = [];

        public bool Stalled { get; init; }

        public bool Aborted { get; private set; }

        public TaskCompletionSource WriteStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string ConnectionId => "connection-1";

        public async ValueTask WriteAsync(SerializedHubMessage message, CancellationToken cancellationToken)
        {
            WriteStarted.TrySetResult();
            if (Stalled)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            Written.Add(message);
        }

        public void Abort() => Aborted = true;
    }
}
