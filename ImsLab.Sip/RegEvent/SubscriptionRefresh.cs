using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.RegEvent;

/// <summary>
/// What a SUBSCRIBE refresh changes in its subscription (RFC 6665 4.1.2.1, 4.2.1.2): the expiry, the watcher's CSeq,
/// and, as a target refresh (RFC 3261 12.2.2), the remote target and the flow NOTIFYs take.
/// </summary>
internal sealed record SubscriptionRefresh(DateTimeOffset ExpiresAt, uint RemoteCSeq, string WatcherContact, BindingFlow Flow);
