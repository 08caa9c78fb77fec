using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.RegEvent;

/// <summary>
/// One NOTIFY to send: the registration state as it was when the change happened (so later changes cannot reorder
/// what the watcher sees), for the last one why the subscription ends, and for the first after a SUBSCRIBE the
/// exchange to announce once it is sent.
/// </summary>
internal sealed record NotifyWork(
    IReadOnlyList<PublicIdentity> Members,
    IReadOnlyList<RegistrationBinding> Active,
    IReadOnlyList<ContactChange> Changes,
    SubscriptionTerminationReason? Termination,
    SubscribeExchange? Subscribe = null);
