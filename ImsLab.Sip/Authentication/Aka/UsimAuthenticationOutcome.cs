namespace ImsLab.Sip.Authentication.Aka;

/// <summary>What the USIM concluded from RAND and AUTN (TS 33.102 6.3.3).</summary>
public enum UsimAuthenticationOutcome
{
    /// <summary>MAC and SQN verified: RES, CK and IK are available.</summary>
    Success,

    /// <summary>XMAC differs from MAC in AUTN: the network is not authentic (RFC 3310 3.3: answer with an empty response).</summary>
    MacFailure,

    /// <summary>MAC is right but SQN is not fresh: AUTS carries SQN_MS for re-synchronisation (RFC 3310 3.4).</summary>
    SyncFailure,
}
