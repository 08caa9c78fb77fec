namespace ImsLab.Sip.Ue;

/// <summary>The <c>registration</c> element's state (RFC 3680 5.1.2).</summary>
public enum ReginfoRegistrationState
{
    /// <summary>No contacts are bound yet.</summary>
    Init,

    /// <summary>At least one contact is bound.</summary>
    Active,

    /// <summary>The last contact went away.</summary>
    Terminated,
}
