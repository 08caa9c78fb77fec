using ImsLab.Sip.Subscribers;

namespace ImsLab.Data.Stores;

/// <summary>Appends "who did what" events to the event log for provisioning and access control.</summary>
internal sealed class AuditTrail(IRegistrationEventLog log, TimeProvider time)
{
    public ValueTask RecordAsync(RegistrationEventType type, string actor, string what, CancellationToken cancellationToken,
        string? impi = null, string? impu = null)
    {
        var now = time.GetUtcNow();
        return log.AppendAsync([new RegistrationEvent
        {
            Id = Guid.CreateVersion7(now), OccurredAt = now, Type = type, Actor = actor, Reason = what, Impi = impi, Impu = impu,
        }], cancellationToken);
    }
}
