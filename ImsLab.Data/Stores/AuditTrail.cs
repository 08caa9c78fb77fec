using ImsLab.Sip.Events;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Data.Stores;

/// <summary>
/// Appends "who did what" events to the event log for provisioning and access control, durably before the change is
/// reported done, and also hands them to the live event bus (when the SIP engine runs in this process) so that the
/// dashboard's timeline, the SSE stream and the hub show them as they happen. The bus's log writer then meets the
/// same event id again and skips it.
/// </summary>
internal sealed class AuditTrail(IRegistrationEventLog log, TimeProvider time, RegistrationEventBus? bus = null)
{
    public async ValueTask RecordAsync(RegistrationEventType type, string actor, string what, CancellationToken cancellationToken,
        string? impi = null, string? impu = null)
    {
        var now = time.GetUtcNow();
        var audit = new RegistrationEvent
        {
            Id = Guid.CreateVersion7(now), OccurredAt = now, Type = type, Actor = actor, Reason = what, Impi = impi, Impu = impu,
        };
        await log.AppendAsync([audit], cancellationToken).ConfigureAwait(false);
        bus?.Publish(audit);
    }
}
