namespace ImsLab.Sip.Ue;

/// <summary>The <c>contact</c> element's state (RFC 3680 5.1.2).</summary>
public enum ReginfoContactState
{
    /// <summary>The binding is in force.</summary>
    Active,

    /// <summary>The binding was removed.</summary>
    Terminated,
}
