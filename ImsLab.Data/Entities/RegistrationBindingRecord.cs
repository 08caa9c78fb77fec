namespace ImsLab.Data.Entities;

/// <summary>Row of a <see cref="Sip.Subscribers.RegistrationBinding"/>; lists are JSON text so the hot path can write them with plain SQL.</summary>
internal sealed class RegistrationBindingRecord : IFlowColumns
{
    public Guid Id { get; set; }
    public required string Impu { get; set; }
    public required string Impi { get; set; }
    public required string ContactUri { get; set; }
    public required string ContactParameters { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public float? Q { get; set; }
    public string? InstanceId { get; set; }
    public int? RegId { get; set; }
    public required string FeatureTagsJson { get; set; }
    public required string PathJson { get; set; }
    public required string FlowTransport { get; set; }
    public required string FlowRemoteAddress { get; set; }
    public int FlowRemotePort { get; set; }
    public required string FlowLocalAddress { get; set; }
    public int FlowLocalPort { get; set; }
    public long FlowConnectionId { get; set; }
    public required string CallId { get; set; }
    public long CSeq { get; set; }
    public string? UserAgent { get; set; }
    public string? AccessNetworkInfo { get; set; }
    public string? VisitedNetwork { get; set; }
    public required string ScscfUri { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset RefreshedAt { get; set; }
    public bool ReauthenticationRequired { get; set; }
}
