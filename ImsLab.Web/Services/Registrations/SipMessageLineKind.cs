namespace ImsLab.Web.Services.Registrations;

/// <summary>What a line of a SIP message is (RFC 3261 7: start line, headers, empty line, body).</summary>
public enum SipMessageLineKind
{
    /// <summary>Request-Line or Status-Line.</summary>
    StartLine,
    /// <summary>A header field: <see cref="SipMessageLine.Name"/> and <see cref="SipMessageLine.Value"/>.</summary>
    Header,
    /// <summary>A folded continuation of the header above (RFC 3261 7.3.1).</summary>
    Continuation,
    /// <summary>The empty line between the headers and a body.</summary>
    Separator,
    /// <summary>A line of the message body.</summary>
    Body,
}
