using ImsLab.Sip.Messages;
using ImsLab.Sip.Parsing;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Transport;

/// <summary>
/// What happens to one complete message (a datagram, or a frame cut from a TCP stream): parse, stamp the Via, hand it
/// up; answer what does not parse when the parser salvaged enough to address a response, drop and count the rest.
/// </summary>
internal sealed class SipInboundProcessor(
    SipTransportLayer transport, ISipInboundSink sink, SipTransportOptions options, TimeProvider time, SipMetrics metrics, ILogger logger)
{
    private readonly SipParserLimits _limits = options.ParserLimits;

    public void Process(ReadOnlySpan<byte> bytes, SipFlow flow)
    {
        metrics.MessageReceived(flow.Transport);
        var result = SipMessageParser.Parse(bytes, _limits);
        if (!result.Success || result.Message is null)
        {
            OnParseFailure(result, flow);
            return;
        }

        var message = result.Message;
        if (message is SipRequest request)
        {
            SipViaStamper.Stamp(request, flow.Remote, options.ForceRport);
        }

        if (logger.IsEnabled(LogLevel.Trace))
        {
            SipTransportLog.MessageReceived(logger, flow, SipLogRedactor.Render(message));
        }

        sink.OnMessage(new SipInboundMessage(message, flow, time.GetUtcNow()));
    }

    /// <summary>
    /// RFC 3261 18.3 and RFC 4475: a request whose From, To, Call-ID and CSeq could be read gets the parser's status
    /// (400 naming the problem, 505 for the version); anything else (garbage, responses) is dropped.
    /// </summary>
    public void OnParseFailure(SipParseResult result, SipFlow flow)
    {
        metrics.ParseFailed(result.Error);
        if (result.RespondableRequest is not { } request || result.SuggestedStatusCode == 0)
        {
            metrics.Dropped(SipDropReason.Unparseable);
            SipTransportLog.ParseFailureDropped(logger, flow.Remote, flow.Transport, result.Error, result.ErrorDetail);
            return;
        }

        SipTransportLog.ParseFailureAnswered(logger, flow.Remote, flow.Transport, result.Error, result.ErrorDetail, result.SuggestedStatusCode);
        Reject(request, result.SuggestedStatusCode, SipRejectionPhrase.For(result.SuggestedStatusCode, result.Error), flow);
    }

    /// <summary>
    /// A stream that can no longer be framed (RFC 3261 18.3: Content-Length missing, negative or repeated): answer the
    /// request it carried when possible; the caller closes the connection.
    /// </summary>
    public void OnFramingError(ReadOnlySpan<byte> bytes, SipFlow flow)
    {
        metrics.MessageReceived(flow.Transport);
        var result = SipMessageParser.Parse(bytes, _limits);
        if (!result.Success)
        {
            OnParseFailure(result, flow);
            return;
        }

        metrics.ParseFailed(SipParseError.InvalidContentLength);
        if (result.Message is SipRequest request)
        {
            SipTransportLog.ParseFailureAnswered(logger, flow.Remote, flow.Transport, SipParseError.InvalidContentLength, null, 400);
            Reject(request, 400, SipRejectionPhrase.For(400, SipParseError.InvalidContentLength), flow);
        }
    }

    private void Reject(SipRequest request, int statusCode, string reasonPhrase, SipFlow flow)
    {
        SipViaStamper.Stamp(request, flow.Remote, options.ForceRport);
        var response = SipResponse.CreateFor(request, statusCode, reasonPhrase);
        SipToTag.EnsureOnFinal(response);
        transport.SendResponseInBackground(response, flow);
    }
}
