namespace ImsLab.Sip.Ue;

/// <summary>Why a simulated UE's registration failed or ended.</summary>
public enum UeFailureReason
{
    /// <summary>No failure.</summary>
    None,

    /// <summary>The network answered a final error response (see <see cref="UeStateChange.StatusCode"/>).</summary>
    Rejected,

    /// <summary>The network answered 403 after the UE reported a challenge with a bad MAC (TS 24.229 5.1.1.5.3).</summary>
    NetworkAuthenticationFailed,

    /// <summary>The network kept challenging: the configured number of consecutive challenges was exceeded.</summary>
    TooManyChallenges,

    /// <summary>No challenge in the 401 uses a scheme this UE accepts, or the challenge is malformed.</summary>
    UnsupportedChallenge,

    /// <summary>An AKA challenge came but the UE has no AKA credentials (or a password challenge without a password).</summary>
    MissingCredentials,

    /// <summary>The request timed out (RFC 3261 Timer F) or the transport failed.</summary>
    NoResponse,

    /// <summary>The network removed the registration with the event "rejected" (TS 24.229 5.1.1.7): no re-registration.</summary>
    NetworkRejected,

    /// <summary>A 200 OK did not hold a usable binding for this UE's contact.</summary>
    InvalidResponse,
}
