namespace ImsLab.Sip.Registrar;

/// <summary>What a network-initiated deregistration tells the UE (TS 24.229 5.4.1.5, RFC 3680 contact events).</summary>
public enum NetworkDeregistrationReason
{
    /// <summary>"deactivated": the UE should register again at once.</summary>
    Deactivated,

    /// <summary>"rejected": the UE must not register again.</summary>
    Rejected,
}
