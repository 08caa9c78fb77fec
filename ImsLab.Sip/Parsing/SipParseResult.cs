using System.Diagnostics.CodeAnalysis;
using ImsLab.Sip.Messages;

namespace ImsLab.Sip.Parsing;

/// <summary>The outcome of <see cref="SipMessageParser.Parse"/>: a message, or a reason and what can be answered.</summary>
public readonly struct SipParseResult
{
    private SipParseResult(SipMessage? message, SipParseError error, string? detail, SipRequest? respondable, int status)
    {
        Message = message;
        Error = error;
        ErrorDetail = detail;
        RespondableRequest = respondable;
        SuggestedStatusCode = status;
    }

    /// <summary>True when <see cref="Message"/> holds the parsed message.</summary>
    [MemberNotNullWhen(true, nameof(Message))]
    public bool Success => Error == SipParseError.None;

    /// <summary>The parsed message on success.</summary>
    public SipMessage? Message { get; }

    /// <summary>Why parsing failed, or <see cref="SipParseError.None"/>.</summary>
    public SipParseError Error { get; }

    /// <summary>A short human-readable detail for logs and the 400 reason phrase; never echoes credentials.</summary>
    public string? ErrorDetail { get; }

    /// <summary>
    /// On failure of a request: a request holding the header lines that were read (Via, From, To, Call-ID, CSeq as
    /// received), so that <see cref="SipResponse.CreateFor"/> can build the error response. Its Request-URI is the
    /// parsed one, or the To URI, or sip:invalid when neither parsed. Null for responses and unrecognisable input.
    /// </summary>
    public SipRequest? RespondableRequest { get; }

    /// <summary>400, 413, 501 or 505 when a response should be sent to <see cref="RespondableRequest"/>; 0 = drop silently.</summary>
    public int SuggestedStatusCode { get; }

    internal static SipParseResult Ok(SipMessage message) => new(message, SipParseError.None, null, null, 0);

    internal static SipParseResult Fail(SipParseError error, string detail, SipRequest? respondable, int status) =>
        new(null, error, detail, respondable, respondable is null ? 0 : status);

    /// <inheritdoc />
    public override string ToString() => Success ? $"Success: {Message}" : $"{Error} ({SuggestedStatusCode}): {ErrorDetail}";
}
