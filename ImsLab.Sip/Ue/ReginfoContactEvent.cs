namespace ImsLab.Sip.Ue;

/// <summary>The <c>contact</c> element's event attribute: what caused its current state (RFC 3680 5.1.2).</summary>
public enum ReginfoContactEvent
{
    /// <summary>The contact was added by a REGISTER.</summary>
    Registered,

    /// <summary>The contact was added administratively.</summary>
    Created,

    /// <summary>A REGISTER refreshed the contact.</summary>
    Refreshed,

    /// <summary>The network shortened the contact's expiry (TS 24.229 5.4.1.6: re-authentication).</summary>
    Shortened,

    /// <summary>The contact expired without a refresh.</summary>
    Expired,

    /// <summary>The network removed the contact; the UE should register again (TS 24.229 5.1.1.7).</summary>
    Deactivated,

    /// <summary>The network removed the contact; the UE may register again later.</summary>
    Probation,

    /// <summary>The UE removed the contact itself (a REGISTER with expiry 0).</summary>
    Unregistered,

    /// <summary>The network removed the contact and does not want it back (TS 24.229 5.1.1.7).</summary>
    Rejected,
}
