using ImsLab.Sip.Messages;
using ImsLab.Sip.Parsing;

namespace ImsLab.Sip.Transport;

/// <summary>A reason phrase that names why a request was rejected, e.g. "Bad Request (InvalidCSeq)".</summary>
internal static class SipRejectionPhrase
{
    // The enum name, never the parser's detail text: a reason phrase must not echo remote input.
    public static string For(int statusCode, SipParseError error) => $"{SipReasonPhrases.For(statusCode)} ({error})";
}
