using System.Net;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Transactions;

internal static partial class SipTransactionLog
{
    [LoggerMessage(101, LogLevel.Debug, "Dropped a response from {Remote} that matches no client transaction ({Status} for {Method})")]
    public static partial void StrayResponse(ILogger logger, IPEndPoint remote, int status, string? method);

    [LoggerMessage(102, LogLevel.Warning, "The handler for {Method} did not answer within 64*T1; the transaction is abandoned")]
    public static partial void NeverAnswered(ILogger logger, string method);

    [LoggerMessage(103, LogLevel.Debug, "No ACK arrived for the final response to INVITE {CallId} (Timer H)")]
    public static partial void AckNeverArrived(ILogger logger, string? callId);

    [LoggerMessage(104, LogLevel.Error, "The handler for {Method} failed; answered 500")]
    public static partial void HandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(105, LogLevel.Debug, "No route back for a response to {Method} from {Remote}")]
    public static partial void NoRouteForResponse(ILogger logger, string method, IPEndPoint remote);

    [LoggerMessage(106, LogLevel.Debug, "Absorbed a request from {Remote} that matches no transaction and needs no answer ({Method})")]
    public static partial void StrayAck(ILogger logger, IPEndPoint remote, string method);
}
