using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.RegEvent;

/// <summary>
/// One NOTIFY to send: the registration state as it was when the change happened (so later changes cannot reorder
/// what the watcher sees) and, for the last one, why the subscription ends.
/// </summary>
internal sealed record NotifyWork(
    IReadOnlyList<PublicIdentity> Members,
    IReadOnlyList<RegistrationBinding> Active,
    IReadOnlyList<ContactChange> Changes,
    SubscriptionTerminationReason? Termination);
