namespace ImsLab.Sip.Ue;

/// <summary>Where a simulated UE stands with its registration.</summary>
public enum UeRegistrationState
{
    /// <summary>Not started yet.</summary>
    Unregistered,

    /// <summary>A REGISTER exchange (initial, re-registration or authentication) is in progress.</summary>
    Registering,

    /// <summary>The network accepted the registration (200 OK).</summary>
    Registered,

    /// <summary>The UE is deregistering (REGISTER with expiry 0).</summary>
    Deregistering,

    /// <summary>No longer registered: the UE deregistered, or the network rejected the registration by reg-event.</summary>
    Deregistered,

    /// <summary>Registration failed; <see cref="UeSimulator.FailureReason"/> says why.</summary>
    Failed,
}
