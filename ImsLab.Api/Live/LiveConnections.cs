using System.Collections.Concurrent;

namespace ImsLab.Api.Live;

/// <summary>The open connections of <see cref="RegistrationsHub"/>, each with its subscription and outbox.</summary>
internal sealed class LiveConnections(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, LiveConnection> _connections = new(StringComparer.Ordinal);
    private long _droppedByClosed;

    /// <summary>Messages lost by slow connections since start (closed ones included).</summary>
    public long Dropped => Interlocked.Read(ref _droppedByClosed) + _connections.Values.Sum(c => c.Dropped);

    public int Count => _connections.Count;

    /// <summary>A snapshot of the open connections.</summary>
    public ICollection<LiveConnection> All => _connections.Values;

    public LiveConnection Open(ILiveClient client)
    {
        var connection = new LiveConnection(client);
        _connections[client.ConnectionId] = connection;
        _ = Task.Run(() => connection.RunAsync(time));
        return connection;
    }

    public LiveConnection Get(string connectionId) =>
        _connections.TryGetValue(connectionId, out var connection)
            ? connection
            : throw new InvalidOperationException($"Hub connection {connectionId} is not open.");

    public void Close(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var connection))
        {
            connection.Complete();
            Interlocked.Add(ref _droppedByClosed, connection.Dropped);
        }
    }
}
