namespace ImsLab.Sip.Authentication.Digest;

/// <summary>Whether a verified response may use its nonce now.</summary>
internal enum DigestNonceUse
{
    Accepted,
    Stale,
    Replay,
}
