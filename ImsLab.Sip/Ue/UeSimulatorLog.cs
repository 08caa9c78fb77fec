using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Ue;

internal static partial class UeSimulatorLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "UE {Impi}: {Previous} -> {Current} ({Reason}, status {StatusCode}): {Detail}")]
    public static partial void StateChanged(ILogger logger, string impi, UeRegistrationState previous, UeRegistrationState current, UeFailureReason reason, int? statusCode, string? detail);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "UE {Impi}: answered a {Algorithm} challenge with outcome {Outcome}")]
    public static partial void ChallengeAnswered(ILogger logger, string impi, string algorithm, UeChallengeOutcome outcome);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Debug, Message = "UE {Impi}: {Method} {Direction} {StartLine}")]
    public static partial void Message(ILogger logger, string impi, string method, UeSipDirection direction, string startLine);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "UE {Impi}: reg-event NOTIFY version {Version}, subscription {SubscriptionState}")]
    public static partial void NotifyReceived(ILogger logger, string impi, long? version, string? subscriptionState);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "UE {Impi}: reg-event subscription failed ({Detail})")]
    public static partial void SubscriptionFailed(ILogger logger, string impi, string detail);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "UE {Impi}: NOTIFY body unreadable ({Error}: {Detail})")]
    public static partial void NotifyBodyUnreadable(ILogger logger, string impi, ReginfoReadError error, string? detail);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Error, Message = "UE {Impi}: procedure failed")]
    public static partial void ProcedureFailed(ILogger logger, string impi, Exception exception);
}
