using Microsoft.AspNetCore.SignalR;

namespace ImsLab.Api.Live;

/// <summary>
/// SignalR's default lifetime manager for <see cref="RegistrationsHub"/>, which also opens and closes each
/// connection's <see cref="LiveConnection"/>: only here does the host see the HubConnectionContext, whose
/// WriteAsync(SerializedHubMessage) lets one serialization of a batch serve every connection.
/// </summary>
internal sealed class LiveHubLifetimeManager(ILogger<DefaultHubLifetimeManager<RegistrationsHub>> logger, LiveConnections connections)
    : DefaultHubLifetimeManager<RegistrationsHub>(logger)
{
    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await base.OnConnectedAsync(connection);
        connections.Open(new HubConnectionLiveClient(connection));
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        connections.Close(connection.ConnectionId);
        await base.OnDisconnectedAsync(connection);
    }
}
