using ImsLab.Sip.Messages;
using ImsLab.Sip.Parsing;

namespace ImsLab.Sip.Transport;

/// <summary>A reason phrase that names why a request was rejected, e.g. "Bad Request (InvalidCSeq)".</summary>
internal static class SipRejectionPhrase
{
    public static string For(SipParseResult result) =>
        $"{SipReasonPhrases.For(result.SuggestedStatusCode)} ({result.Error})";
}
