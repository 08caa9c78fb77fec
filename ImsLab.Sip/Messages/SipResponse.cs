using System.Globalization;

namespace ImsLab.Sip.Messages;

/// <summary>A SIP response (RFC 3261 7.2).</summary>
public sealed class SipResponse : SipMessage
{
    /// <summary>Creates a response with no headers; the reason phrase defaults to the RFC 3261 21 text.</summary>
    public SipResponse(int statusCode, string? reasonPhrase = null)
        : this(statusCode, reasonPhrase ?? SipReasonPhrases.For(ValidateStatusCode(statusCode)), SipRequest.SipVersion, new SipHeaderList())
    {
    }

    internal SipResponse(int statusCode, string reasonPhrase, string version, SipHeaderList headers)
        : base(headers)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Version = version;
    }

    /// <summary>The status code, 100..699.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase (may be empty, RFC 4475 noreason).</summary>
    public string ReasonPhrase { get; }

    /// <summary>The SIP-Version of the status line.</summary>
    public string Version { get; }

    /// <summary>
    /// Builds a response to <paramref name="request"/> as RFC 3261 8.2.6.2 says: copies every Via in order, From, To,
    /// Call-ID and CSeq. It does not add a To tag; the caller decides (it must for non-100 responses that create state).
    /// </summary>
    public static SipResponse CreateFor(SipRequest request, int statusCode, string? reasonPhrase = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = new SipResponse(statusCode, reasonPhrase);
        var headers = request.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            var knownId = headers.KnownIdAt(i);
            if (knownId == SipHeaderNames.ViaId || knownId == SipHeaderNames.FromId || knownId == SipHeaderNames.ToId ||
                knownId == SipHeaderNames.CallIdId || knownId == SipHeaderNames.CSeqId)
            {
                response.Headers.AddCopyOf(headers, i);
            }
        }

        return response;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Version} {StatusCode.ToString(CultureInfo.InvariantCulture)} {ReasonPhrase}";

    internal override void WriteStartLine(ref SipMessageWriter.Utf8Writer writer)
    {
        writer.Write(Version);
        writer.Write(" "u8);
        writer.WriteInteger(StatusCode);
        writer.Write(" "u8);
        writer.Write(ReasonPhrase);
        writer.Write("\r\n"u8);
    }

    private static int ValidateStatusCode(int statusCode) =>
        statusCode is >= 100 and <= 699 ? statusCode : SipThrowHelper.ThrowStatusCodeOutOfRange(statusCode, nameof(statusCode));
}
