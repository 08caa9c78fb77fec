using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Sip.Authentication.Digest;

/// <summary>The result of <see cref="DigestAuthenticator.Verify"/>.</summary>
public sealed class DigestVerificationResult
{
    private DigestVerificationResult(DigestVerificationStatus status, AkaVector? vector, long sqnMs)
    {
        Status = status;
        Vector = vector;
        SqnMs = sqnMs;
    }

    /// <summary>The outcome.</summary>
    public DigestVerificationStatus Status { get; }

    /// <summary>On AKA success, the vector whose CK/IK the P-CSCF security association uses.</summary>
    public AkaVector? Vector { get; }

    /// <summary>On <see cref="DigestVerificationStatus.SyncFailure"/>, SQN_MS recovered from AUTS.</summary>
    public long SqnMs { get; }

    /// <summary>True on <see cref="DigestVerificationStatus.Success"/>.</summary>
    public bool IsSuccess => Status == DigestVerificationStatus.Success;

    /// <summary>
    /// The SIP status the registrar answers with (401 means "send a new challenge"; for
    /// <see cref="DigestVerificationStatus.StaleNonce"/> with stale=true).
    /// </summary>
    public int SipStatusCode => Status switch
    {
        DigestVerificationStatus.Success => 200,
        DigestVerificationStatus.MalformedCredentials => 400,
        DigestVerificationStatus.WrongResponse or DigestVerificationStatus.ResynchronizationFailed
            or DigestVerificationStatus.UsernameMismatch => 403,
        _ => 401,
    };

    internal static DigestVerificationResult Of(DigestVerificationStatus status) => new(status, null, 0);

    internal static DigestVerificationResult Success(AkaVector? vector) => new(DigestVerificationStatus.Success, vector, 0);

    internal static DigestVerificationResult SyncFailure(long sqnMs) => new(DigestVerificationStatus.SyncFailure, null, sqnMs);

    /// <inheritdoc />
    public override string ToString() => $"DigestVerificationResult {{ Status = {Status}, SipStatusCode = {SipStatusCode} }}";
}
