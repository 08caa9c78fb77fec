namespace ImsLab.Sip.RegEvent;

/// <summary>The state of one contact in a reginfo document (RFC 3680 5.1.2).</summary>
internal enum ContactState
{
    /// <summary>The contact is bound to the address-of-record.</summary>
    Active,
    /// <summary>The contact binding is gone.</summary>
    Terminated,
}
