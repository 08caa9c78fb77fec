namespace ImsLab.Api.Auth;

/// <summary>Log lines of access control. Never a password or key: only names, prefixes and client addresses.</summary>
internal static partial class AccessLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "API key rejected for client {ClientAddress}")]
    public static partial void ApiKeyRejected(ILogger logger, string clientAddress);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "API key attempts from {ClientAddress} refused: too many failures")]
    public static partial void ApiKeyAttemptsBlocked(ILogger logger, string clientAddress);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "User {Username} logged in from {ClientAddress}")]
    public static partial void LoggedIn(ILogger logger, string username, string clientAddress);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Login as {Username} from {ClientAddress} failed: {Outcome}")]
    public static partial void LoginFailed(ILogger logger, string username, string clientAddress, string outcome);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Created the first administrator account '{Username}' (password from configuration)")]
    public static partial void FirstAdminCreatedFromConfiguration(ILogger logger, string username);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Created the first administrator account '{Username}' with a generated password, printed once on standard output")]
    public static partial void FirstAdminCreatedWithGeneratedPassword(ILogger logger, string username);
}
