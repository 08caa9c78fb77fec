namespace ImsLab.Sip.RegEvent;

/// <summary>The event that brought a contact into its state (RFC 3680 5.1.2, <c>event</c> attribute).</summary>
public enum ContactEvent
{
    /// <summary>init to active: the contact was registered by a REGISTER.</summary>
    Registered,
    /// <summary>init to active: the contact was created administratively.</summary>
    Created,
    /// <summary>active to active: a REGISTER refreshed the binding.</summary>
    Refreshed,
    /// <summary>active to active: the network shortened the binding's expiry (TS 24.229 5.4.1.6 re-authentication).</summary>
    Shortened,
    /// <summary>active to terminated: the binding timed out.</summary>
    Expired,
    /// <summary>active to terminated: removed by the network; the UE may re-register at once (TS 24.229 5.4.1.5).</summary>
    Deactivated,
    /// <summary>active to terminated: removed by the network; the UE may re-register after retry-after.</summary>
    Probation,
    /// <summary>active to terminated: the user agent removed the binding (Expires: 0).</summary>
    Unregistered,
    /// <summary>active to terminated: removed by the network; the UE must not re-register (TS 24.229 5.4.1.5).</summary>
    Rejected,
}
