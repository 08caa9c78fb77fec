using Microsoft.AspNetCore.SignalR;

namespace ImsLab.Api.Live;

/// <summary>A SignalR connection as an <see cref="ILiveClient"/>.</summary>
internal sealed class HubConnectionLiveClient(HubConnectionContext connection) : ILiveClient
{
    public string ConnectionId => connection.ConnectionId;

    public ValueTask WriteAsync(SerializedHubMessage message, CancellationToken cancellationToken) =>
        connection.WriteAsync(message, cancellationToken);

    public void Abort() => connection.Abort();
}
