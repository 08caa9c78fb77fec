namespace ImsLab.Sip.Ue;

/// <summary>What the UE made of a 401 challenge.</summary>
internal enum UeChallengeOutcome
{
    /// <summary>Authenticated: the Authorization carries a digest response.</summary>
    Answered,

    /// <summary>TS 33.102 6.3.3: the SQN was out of range; the Authorization carries auts (RFC 3310 3.4).</summary>
    SyncFailure,

    /// <summary>TS 33.102 6.3.3: the MAC did not verify; the Authorization carries an empty response and no auts (TS 24.229 5.1.1.5.3).</summary>
    MacFailure,

    /// <summary>No challenge uses an accepted algorithm, or the challenge is malformed.</summary>
    Unsupported,

    /// <summary>The challenge needs credentials of a kind this UE does not hold.</summary>
    MissingCredentials,
}
