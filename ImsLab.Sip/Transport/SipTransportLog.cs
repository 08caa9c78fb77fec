using System.Net;
using ImsLab.Sip.Parsing;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Transport;

// Never log a whole message above Debug, and never an Authorization value at any level: messages are logged through
// SipLogRedactor, which blanks credentials.
internal static partial class SipTransportLog
{
    [LoggerMessage(1, LogLevel.Information, "SIP listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, SipFlowEndpoint endpoint);

    [LoggerMessage(2, LogLevel.Debug, "Received from {Remote} over {Transport} a message that does not parse ({Error}: {Detail}); answered {StatusCode}")]
    public static partial void ParseFailureAnswered(ILogger logger, IPEndPoint remote, SipTransportProtocol transport, SipParseError error, string? detail, int statusCode);

    [LoggerMessage(3, LogLevel.Debug, "Dropped a message from {Remote} over {Transport} that does not parse ({Error}: {Detail})")]
    public static partial void ParseFailureDropped(ILogger logger, IPEndPoint remote, SipTransportProtocol transport, SipParseError error, string? detail);

    [LoggerMessage(4, LogLevel.Trace, "Received over {Flow}:\n{Message}")]
    public static partial void MessageReceived(ILogger logger, SipFlow flow, string message);

    [LoggerMessage(5, LogLevel.Trace, "Sent over {Flow}:\n{Message}")]
    public static partial void MessageSent(ILogger logger, SipFlow flow, string message);

    [LoggerMessage(6, LogLevel.Warning, "Sending to {Remote} over {Transport} failed: {Error}")]
    public static partial void SendFailed(ILogger logger, IPEndPoint remote, SipTransportProtocol transport, string error);

    [LoggerMessage(7, LogLevel.Debug, "TCP connection {ConnectionId} {Local} <-> {Remote} opened")]
    public static partial void ConnectionOpened(ILogger logger, long connectionId, IPEndPoint local, IPEndPoint remote);

    [LoggerMessage(8, LogLevel.Debug, "TCP connection {ConnectionId} to {Remote} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, long connectionId, IPEndPoint remote, SipConnectionCloseReason reason);

    [LoggerMessage(9, LogLevel.Warning, "Refused a TCP connection from {Remote}: {Limit} connections are open")]
    public static partial void ConnectionLimitReached(ILogger logger, IPEndPoint remote, int limit);

    [LoggerMessage(11, LogLevel.Error, "TCP connection {ConnectionId} failed and is closed")]
    public static partial void ConnectionFailed(ILogger logger, long connectionId, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "The receive loop of {Endpoint} failed on one message and goes on")]
    public static partial void ReceiveLoopFailed(ILogger logger, SipFlowEndpoint endpoint, Exception exception);
}
