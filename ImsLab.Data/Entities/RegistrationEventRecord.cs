namespace ImsLab.Data.Entities;

/// <summary>Row of a <see cref="Sip.Subscribers.RegistrationEvent"/>; the type is stored by name, identities lowercase.</summary>
internal sealed class RegistrationEventRecord
{
    public Guid Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public required string Type { get; set; }
    public string? Impu { get; set; }
    public string? Impi { get; set; }
    public string? Contact { get; set; }
    public string? Flow { get; set; }
    public string? Reason { get; set; }
    public string? Actor { get; set; }
    public string? SipTraceJson { get; set; }
}
