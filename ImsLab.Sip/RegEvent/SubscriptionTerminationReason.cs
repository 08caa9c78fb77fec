namespace ImsLab.Sip.RegEvent;

/// <summary>The reason of a terminated Subscription-State (RFC 6665 4.1.3).</summary>
internal enum SubscriptionTerminationReason
{
    /// <summary>The watcher may re-subscribe at once (network deregistration with "deactivated").</summary>
    Deactivated,
    /// <summary>The watcher's authorisation is gone (network deregistration with "rejected").</summary>
    Rejected,
    /// <summary>The watched registration no longer exists (deregistered or expired).</summary>
    NoResource,
    /// <summary>The subscription expired or the watcher unsubscribed.</summary>
    Timeout,
}
