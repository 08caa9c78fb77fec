using ImsLab.Sip.Messages;
using ImsLab.Sip.Parsing;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Transport;

/// <summary>
/// What happens to one complete message (a datagram, or a frame cut from a TCP stream): parse, stamp the Via, hand it
/// up; answer what does not parse when the parser salvaged enough to address a response, drop and count the rest.
/// </summary>
internal sealed class SipInboundProcessor(
    SipTransportLayer transport, ISipInboundSink sink, SipParserLimits limits, TimeProvider time, SipMetrics metrics, ILogger logger)
{
    public void Process(ReadOnlySpan<byte> bytes, SipFlow flow)
    {
        metrics.MessageReceived(flow.Transport);
        var result = SipMessageParser.Parse(bytes, limits);
        if (!result.Success || result.Message is null)
        {
            OnParseFailure(result, flow);
            return;
        }

        var message = result.Message;
        if (message is SipRequest request)
        {
            SipViaStamper.Stamp(request, flow.Remote);
        }

        if (logger.IsEnabled(LogLevel.Trace))
        {
            SipTransportLog.MessageReceived(logger, flow, SipLogRedactor.Render(message));
        }

        sink.OnMessage(new SipInboundMessage(message, flow, time.GetUtcNow()));
    }

    /// <summary>
    /// RFC 3261 16.3 / 18.3 and RFC 4475: a request whose Via, From, To, Call-ID and CSeq could be read gets the
    /// parser's status (400 naming the problem, 505 for the version); anything else (garbage, responses) is dropped.
    /// </summary>
    public void OnParseFailure(SipParseResult result, SipFlow flow)
    {
        metrics.ParseFailed(result.Error);
        if (result.RespondableRequest is not { } request || result.SuggestedStatusCode == 0 || request.TopVia is null)
        {
            metrics.Dropped(SipDropReason.Unparseable);
            SipTransportLog.ParseFailureDropped(logger, flow.Remote, flow.Transport, result.Error, result.ErrorDetail);
            return;
        }

        SipViaStamper.Stamp(request, flow.Remote);
        var response = SipResponse.CreateFor(request, result.SuggestedStatusCode, SipRejectionPhrase.For(result));
        SipToTag.EnsureOnFinal(response);
        SipTransportLog.ParseFailureAnswered(logger, flow.Remote, flow.Transport, result.Error, result.ErrorDetail, result.SuggestedStatusCode);
        transport.SendResponseInBackground(response, flow);
    }
}
