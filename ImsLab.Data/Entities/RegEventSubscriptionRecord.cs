namespace ImsLab.Data.Entities;

/// <summary>Row of a <see cref="Sip.Subscribers.RegEventSubscription"/>.</summary>
internal sealed class RegEventSubscriptionRecord : IFlowColumns
{
    public Guid Id { get; set; }
    public required string ResourceImpu { get; set; }
    public required string WatcherUri { get; set; }
    public required string WatcherContact { get; set; }
    public required string CallId { get; set; }
    public required string LocalTag { get; set; }
    public required string RemoteTag { get; set; }
    public long LocalCSeq { get; set; }
    public long RemoteCSeq { get; set; }
    public required string RouteSetJson { get; set; }
    public required string FlowTransport { get; set; }
    public required string FlowRemoteAddress { get; set; }
    public int FlowRemotePort { get; set; }
    public required string FlowLocalAddress { get; set; }
    public int FlowLocalPort { get; set; }
    public long FlowConnectionId { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
