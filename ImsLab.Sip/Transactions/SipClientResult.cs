using ImsLab.Sip.Messages;
using ImsLab.Sip.Transport;

namespace ImsLab.Sip.Transactions;

/// <summary>The end of a request the stack sent: the final response, or why there is none.</summary>
/// <param name="Outcome">Response, timeout or transport error.</param>
/// <param name="Response">The final response when <paramref name="Outcome"/> is <see cref="SipClientOutcome.Response"/>.</param>
/// <param name="Flow">The flow the request left on (for TCP, with the connection actually used); null when it could not be sent.</param>
public sealed record SipClientResult(SipClientOutcome Outcome, SipResponse? Response, SipFlow? Flow)
{
    /// <summary>The final status code, or 408 for a timeout and 503 for a transport error (RFC 3261 8.1.3.1).</summary>
    public int StatusCode => Outcome switch
    {
        SipClientOutcome.Response => Response!.StatusCode,
        SipClientOutcome.Timeout => 408,
        _ => 503,
    };

    /// <summary>True for a 2xx final response.</summary>
    public bool IsSuccess => Outcome == SipClientOutcome.Response && Response!.StatusCode is >= 200 and < 300;

    internal static SipClientResult Responded(SipResponse response, SipFlow flow) => new(SipClientOutcome.Response, response, flow);

    internal static SipClientResult TimedOut(SipFlow flow) => new(SipClientOutcome.Timeout, null, flow);

    internal static SipClientResult TransportFailed(SipFlow? flow) => new(SipClientOutcome.TransportError, null, flow);
}
