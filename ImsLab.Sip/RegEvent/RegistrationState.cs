namespace ImsLab.Sip.RegEvent;

/// <summary>The state of one address-of-record in a reginfo document (RFC 3680 5.3, registration state machine 5.1).</summary>
internal enum RegistrationState
{
    /// <summary>No active contact and none pending.</summary>
    Init,
    /// <summary>At least one contact is active.</summary>
    Active,
    /// <summary>The last contact went away; the document that says so is the last one naming this registration.</summary>
    Terminated,
}
