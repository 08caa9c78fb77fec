using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Authentication.Digest;

// Logs name the IMPI and the outcome only: never a response, password, RES, CK or IK.
internal static partial class DigestAuthenticatorLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Digest verification for {Impi} failed: {Status}")]
    public static partial void VerificationFailed(ILogger logger, string impi, DigestVerificationStatus status);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Challenged {Impi} with {Algorithm}, ik/ck included: {WithKeys}")]
    public static partial void Challenged(ILogger logger, string impi, string algorithm, bool withKeys);
}
