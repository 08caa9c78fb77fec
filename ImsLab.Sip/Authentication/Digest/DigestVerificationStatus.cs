namespace ImsLab.Sip.Authentication.Digest;

/// <summary>Outcome of checking digest credentials, each with the answer the registrar sends.</summary>
public enum DigestVerificationStatus
{
    /// <summary>Authenticated; the registrar goes on with the registration (200 OK after SAR).</summary>
    Success,

    /// <summary>
    /// The response does not match. 403 Forbidden: TS 24.229 5.4.1.2.3 for IMS AKA (RES differs from XRES, or the
    /// UE rejected the network with an empty response); for password digest a registrar may instead re-challenge
    /// with 401 (RFC 3261 22.4).
    /// </summary>
    WrongResponse,

    /// <summary>The response is right but the nonce expired: 401 with a new challenge and stale=true (RFC 7616 3.3).</summary>
    StaleNonce,

    /// <summary>No such nonce (never issued, forgotten, or empty on an initial REGISTER): 401 with a new challenge.</summary>
    UnknownNonce,

    /// <summary>nc not above the last accepted nc, or a no-qop nonce used twice (RFC 7616 5.3): 401 with a new challenge.</summary>
    NonceCountReplay,

    /// <summary>
    /// The UE sent auts with a valid MAC-S (RFC 3310 3.4, TS 33.102 6.3.5): the registrar moves the SQN past
    /// <see cref="DigestVerificationResult.SqnMs"/> and answers 401 with a challenge built on a fresh vector.
    /// </summary>
    SyncFailure,

    /// <summary>auts was present but MAC-S did not verify: an authentication failure, 403 Forbidden (TS 33.102 6.3.5).</summary>
    ResynchronizationFailed,

    /// <summary>The algorithm is unknown or not the one challenged with: 401 with a challenge in a supported algorithm.</summary>
    UnsupportedAlgorithm,

    /// <summary>The credentials are syntactically or semantically invalid (bad auts, auts for a non-AKA scheme): 400 Bad Request.</summary>
    MalformedCredentials,

    /// <summary>username differs from the IMPI the nonce was issued to: 403 Forbidden.</summary>
    UsernameMismatch,

    /// <summary>realm differs from the challenge's realm: 401 with a new challenge for the right realm.</summary>
    RealmMismatch,
}
