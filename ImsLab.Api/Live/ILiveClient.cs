using Microsoft.AspNetCore.SignalR;

namespace ImsLab.Api.Live;

/// <summary>The one hub connection a <see cref="LiveConnection"/> writes to (SignalR's HubConnectionContext in the host).</summary>
internal interface ILiveClient
{
    string ConnectionId { get; }

    /// <summary>Writes a message serialized once for every connection that gets it.</summary>
    ValueTask WriteAsync(SerializedHubMessage message, CancellationToken cancellationToken);

    /// <summary>Closes the connection.</summary>
    void Abort();
}
