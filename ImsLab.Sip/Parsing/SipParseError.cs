namespace ImsLab.Sip.Parsing;

/// <summary>Why a message was rejected. One flat list, like Kestrel's RequestRejectionReason.</summary>
public enum SipParseError
{
    /// <summary>The message parsed.</summary>
    None,

    /// <summary>Nothing but optional leading CRLFs (RFC 3261 7.5).</summary>
    EmptyMessage,

    /// <summary>The first line is neither a Request-Line nor a Status-Line (or has extra or missing SP).</summary>
    InvalidStartLine,

    /// <summary>The method is not a token.</summary>
    InvalidMethod,

    /// <summary>The Request-URI does not parse, or carries headers (RFC 3261 19.1.1).</summary>
    InvalidRequestUri,

    /// <summary>A SIP-Version other than SIP/2.0 (RFC 3261 21.5.7: 505).</summary>
    UnsupportedVersion,

    /// <summary>The status code is not three digits 100..699.</summary>
    InvalidStatusCode,

    /// <summary>A header line without a colon, or a continuation line before the first header.</summary>
    InvalidHeaderLine,

    /// <summary>A header name that is not a token.</summary>
    InvalidHeaderName,

    /// <summary>The header section is not closed by an empty line.</summary>
    MissingHeaderTerminator,

    /// <summary>One of To, From, CSeq, Call-ID, Via is absent (RFC 3261 8.1.1).</summary>
    MissingRequiredHeader,

    /// <summary>A single-valued header (To, From, Call-ID, CSeq, Max-Forwards) appears more than once (RFC 4475 3.3.8).</summary>
    DuplicateSingleValueHeader,

    /// <summary>A Via value does not parse.</summary>
    InvalidVia,

    /// <summary>CSeq does not parse or its number exceeds 2^32-1.</summary>
    InvalidCSeq,

    /// <summary>The CSeq method differs from the request method (RFC 4475 3.1.2.17/18).</summary>
    CSeqMethodMismatch,

    /// <summary>From or To does not parse.</summary>
    InvalidFromOrTo,

    /// <summary>The Call-ID is empty or holds whitespace.</summary>
    InvalidCallId,

    /// <summary>A Contact value does not parse.</summary>
    InvalidContact,

    /// <summary>Max-Forwards is not 0..255.</summary>
    InvalidMaxForwards,

    /// <summary>Content-Length is not a non-negative number, or several values disagree.</summary>
    InvalidContentLength,

    /// <summary>The datagram holds fewer body octets than Content-Length (RFC 3261 18.3).</summary>
    BodyShorterThanContentLength,

    /// <summary>The message exceeds <see cref="SipParserLimits.MaxMessageBytes"/>.</summary>
    MessageTooLarge,

    /// <summary>More header lines than <see cref="SipParserLimits.MaxHeaderCount"/>.</summary>
    TooManyHeaders,

    /// <summary>A header line longer than <see cref="SipParserLimits.MaxHeaderLineBytes"/>.</summary>
    HeaderLineTooLong,
}
