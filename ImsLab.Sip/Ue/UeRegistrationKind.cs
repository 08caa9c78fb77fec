namespace ImsLab.Sip.Ue;

/// <summary>Which REGISTER procedure the UE runs (TS 24.229 5.1.1.2, 5.1.1.4, 5.1.1.6).</summary>
internal enum UeRegistrationKind
{
    /// <summary>A new registration: new Call-ID, empty Authorization.</summary>
    Initial,

    /// <summary>A re-registration before expiry on the same Call-ID.</summary>
    Refresh,

    /// <summary>A deregistration (expiry 0).</summary>
    Deregister,
}
