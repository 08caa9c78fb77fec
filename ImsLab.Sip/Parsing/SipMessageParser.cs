using System.Text;
using ImsLab.Sip.Messages;

namespace ImsLab.Sip.Parsing;

/// <summary>
/// Parses one complete SIP message (a UDP datagram, or a frame cut by <see cref="SipStreamFramer"/>). Remote input never
/// throws: failures come back as a <see cref="SipParseResult"/> with a reason and, where possible, a request to answer.
/// </summary>
public static class SipMessageParser
{
    private static readonly SipUri PlaceholderUri = SipUri.Parse("sip:invalid");

    /// <summary>
    /// Parses <paramref name="buffer"/>. Octets after the Content-Length body are ignored (RFC 3261 18.3, RFC 4475
    /// dblreq); a body shorter than Content-Length is malformed; without Content-Length the body is the rest of the buffer.
    /// </summary>
    public static SipParseResult Parse(ReadOnlySpan<byte> buffer, SipParserLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);

        // RFC 3261 7.5: ignore CRLFs before the start line.
        var start = 0;
        while (start < buffer.Length && buffer[start] is SipOctets.CarriageReturn or SipOctets.LineFeed)
        {
            start++;
        }

        if (start == buffer.Length)
        {
            return SipParseResult.Fail(SipParseError.EmptyMessage, "empty message", null, 0);
        }

        var lineFeed = buffer[start..].IndexOf(SipOctets.LineFeed);
        if (lineFeed < 0)
        {
            return SipParseResult.Fail(SipParseError.InvalidStartLine, "no line end", null, 0);
        }

        if (lineFeed > limits.MaxHeaderLineBytes)
        {
            return SipParseResult.Fail(SipParseError.HeaderLineTooLong, "start line too long", null, 0);
        }

        var line = buffer.Slice(start, lineFeed);
        if (!line.IsEmpty && line[^1] == SipOctets.CarriageReturn)
        {
            line = line[..^1];
        }

        var startLine = SipStartLine.Parse(line);
        // An IMS REGISTER carries about twenty header lines. Values stay slices of one copy of the buffer until read.
        var headers = new SipHeaderList(24);
        // Every octet is overwritten by the copy, so the array need not be zeroed first.
        var source = GC.AllocateUninitializedArray<byte>(buffer.Length);
        buffer.CopyTo(source);
        headers.AttachSource(source);
        var counts = new RequiredHeaderCounts();
        var scanner = new SipHeaderScanner(buffer, start + lineFeed + 1, limits);
        var scanError = SipParseError.None;
        while (true)
        {
            var status = scanner.Next(out var raw);
            if (status == SipScanStatus.EndOfHeaders)
            {
                break;
            }

            if (status == SipScanStatus.Error)
            {
                scanError = scanner.Error;
                break;
            }

            counts.Count(AddHeader(headers, buffer, raw), headers.Count - 1);
        }

        return startLine.IsResponse
            ? CompleteResponse(startLine, headers, counts, scanError, source, start, scanner.Position, limits)
            : CompleteRequest(startLine, OffsetOf(startLine.Second, buffer), headers, counts, scanError, source, start, scanner.Position, limits);
    }

    private static SipParseResult CompleteResponse(
        SipStartLine startLine, SipHeaderList headers, RequiredHeaderCounts counts, SipParseError scanError,
        byte[] buffer, int start, int bodyStart, SipParserLimits limits)
    {
        // Responses are never answered: every failure is a silent drop (RFC 4475 scalarlg, bigcode).
        if (startLine.Error != SipParseError.None)
        {
            return SipParseResult.Fail(startLine.Error, "bad status line", null, 0);
        }

        if (scanError != SipParseError.None)
        {
            return SipParseResult.Fail(scanError, "bad header section", null, 0);
        }

        var code = ((startLine.Second[0] - '0') * 100) + ((startLine.Second[1] - '0') * 10) + (startLine.Second[2] - '0');
        var version = Version(startLine.First);
        var response = new SipResponse(code, Encoding.UTF8.GetString(startLine.Third), version, headers);
        var (error, detail) = Validate(response, null, counts);
        if (error != SipParseError.None)
        {
            return SipParseResult.Fail(error, detail, null, 0);
        }

        (error, detail) = AttachBody(response, counts, buffer, start, bodyStart, limits);
        return error == SipParseError.None ? SipParseResult.Ok(response) : SipParseResult.Fail(error, detail, null, 0);
    }

    // Where a slice of the received buffer starts; the same offset addresses the copy that the message keeps.
    private static int OffsetOf(ReadOnlySpan<byte> slice, ReadOnlySpan<byte> buffer) => buffer.Overlaps(slice, out var offset) ? offset : 0;

    private static SipParseResult CompleteRequest(
        SipStartLine startLine, int uriStart, SipHeaderList headers, RequiredHeaderCounts counts, SipParseError scanError,
        byte[] buffer, int start, int bodyStart, SipParserLimits limits)
    {
        if (startLine.Error == SipParseError.InvalidMethod || startLine.First.IsEmpty)
        {
            return SipParseResult.Fail(SipParseError.InvalidMethod, "method is not a token", null, 0);
        }

        var method = SipMethods.Intern(startLine.First);
        var uriIsValid = false;
        var error = startLine.Error;
        var detail = error == SipParseError.UnsupportedVersion ? "SIP version not supported" : "malformed request line";
        if (error == SipParseError.None)
        {
            // Validated here, built by SipRequest on first read (most hops never look inside it).
            uriIsValid = SipUri.TryParse(startLine.Second, build: false, out _, out var hasHeaders) && !hasHeaders;
            if (!uriIsValid)
            {
                // RFC 3261 19.1.1: headers are not allowed in a Request-URI (RFC 4475 escruri); <> neither (ltgtruri).
                error = SipParseError.InvalidRequestUri;
                detail = "malformed Request-URI";
            }
        }

        if (error == SipParseError.None && scanError != SipParseError.None)
        {
            error = scanError;
            detail = "malformed header section";
        }

        var version = error == SipParseError.None ? Version(startLine.Third) : SipRequest.SipVersion;
        var request = uriIsValid
            ? new SipRequest(method, buffer, uriStart, startLine.Second.Length, version, headers)
            : new SipRequest(method, PlaceholderUri, version, headers);
        if (error == SipParseError.None)
        {
            (error, detail) = Validate(request, method, counts);
        }

        if (error == SipParseError.None)
        {
            (error, detail) = AttachBody(request, counts, buffer, start, bodyStart, limits);
        }

        if (error == SipParseError.None)
        {
            return SipParseResult.Ok(request);
        }

        // A response can be built only when there is a Via to send it along (RFC 3261 18.2.2); the transport
        // falls back to the source address when that Via does not parse.
        var respondable = counts.Via > 0 ? WithRespondableUri(request, uriIsValid) : null;
        return SipParseResult.Fail(error, detail, respondable, StatusFor(error, method));
    }

    private static SipRequest WithRespondableUri(SipRequest request, bool uriIsValid) =>
        uriIsValid || request.To is not { } to
            ? request
            : new SipRequest(request.Method, to.Uri, request.Version, request.Headers);

    private static int StatusFor(SipParseError error, string method) => error switch
    {
        SipParseError.UnsupportedVersion => 505,
        SipParseError.MessageTooLarge => 413,
        SipParseError.CSeqMethodMismatch when !SipMethods.IsKnown(method) => 501,
        _ => 400,
    };

    private static (SipParseError Error, string Detail) Validate(SipMessage message, string? method, RequiredHeaderCounts counts)
    {
        // RFC 3261 8.1.1: To, From, CSeq, Call-ID and Via are mandatory (Max-Forwards is read as absent when missing).
        if (counts.Via == 0 || counts.From == 0 || counts.To == 0 || counts.CallId == 0 || counts.CSeq == 0)
        {
            return (SipParseError.MissingRequiredHeader, "missing " + counts.FirstMissing());
        }

        // RFC 4475 3.3.8: single-valued headers appearing twice.
        if (counts.From > 1 || counts.To > 1 || counts.CallId > 1 || counts.CSeq > 1 || counts.MaxForwards > 1)
        {
            return (SipParseError.DuplicateSingleValueHeader, "repeated single-value header");
        }

        // Via, From, To and Contact are checked against the full grammar here but built only when first read (the
        // accessors parse the same text with the same code), so a parse allocates no objects nobody asks for.
        var headers = message.Headers;
        var scratch = SipCharScratch.Get();
        // The counts say where the first Via (and Contact) line is and how many there are: visit only those.
        for (int i = counts.ViaIndex, seen = 0; seen < counts.Via; i++)
        {
            if (headers.KnownIdAt(i) == SipHeaderNames.ViaId)
            {
                seen++;
                if (!AreValidVias(headers.GetValueChars(i, scratch)))
                {
                    return (SipParseError.InvalidVia, "malformed Via");
                }
            }
        }

        if (!NameAddressParser.IsValid(headers.GetValueChars(counts.FromIndex, scratch)) ||
            !NameAddressParser.IsValid(headers.GetValueChars(counts.ToIndex, scratch)))
        {
            return (SipParseError.InvalidFromOrTo, "malformed From or To");
        }

        // The Call-ID accessor trims with string.Trim, so validation trims the same way.
        var callId = headers.GetValueChars(counts.CallIdIndex, scratch).Trim();
        if (callId.Length == 0 || callId.ContainsAny(" \t\r\n"))
        {
            return (SipParseError.InvalidCallId, "malformed Call-ID");
        }

        if (!SipCSeq.TryParse(headers.GetValueChars(counts.CSeqIndex, scratch), out var cseq))
        {
            return (SipParseError.InvalidCSeq, "malformed CSeq");
        }

        // RFC 3261 8.2.2 / RFC 4475 3.1.2.17: the CSeq method must match the request method (case-sensitive).
        if (method is not null && !string.Equals(cseq.Method, method, StringComparison.Ordinal))
        {
            return (SipParseError.CSeqMethodMismatch, "CSeq method does not match the request method");
        }

        int? maxForwards = null;
        if (counts.MaxForwards > 0)
        {
            if (!SipGrammar.TryParseDecimal(SipGrammar.TrimLws(headers.GetValueChars(counts.MaxForwardsIndex, scratch)), 255, out var hops))
            {
                return (SipParseError.InvalidMaxForwards, "Max-Forwards is not 0..255");
            }

            maxForwards = (int)hops;
        }

        var wildcard = false;
        for (int i = counts.ContactIndex, seen = 0; seen < counts.Contact; i++)
        {
            if (headers.KnownIdAt(i) == SipHeaderNames.ContactId)
            {
                seen++;
                if (!AreValidContacts(headers.GetValueChars(i, scratch), ref wildcard))
                {
                    return (SipParseError.InvalidContact, "malformed Contact");
                }
            }
        }

        message.PrimeCache(cseq, maxForwards, wildcard);
        return (SipParseError.None, string.Empty);
    }

    private static (SipParseError Error, string Detail) AttachBody(
        SipMessage message, RequiredHeaderCounts counts, byte[] buffer, int start, int bodyStart, SipParserLimits limits)
    {
        var available = buffer.Length - bodyStart;
        var bodyLength = available;
        long declared = -1;
        var headers = message.Headers;
        Span<char> scratch = stackalloc char[32];
        // Only from the first Content-Length line on, and not at all when there is none.
        for (var i = counts.ContentLengthIndex; counts.ContentLength > 0 && i < headers.Count; i++)
        {
            if (headers.KnownIdAt(i) != SipHeaderNames.ContentLengthId)
            {
                continue;
            }

            // RFC 3261 20.14: Content-Length >= 0; RFC 4475 mcl01: several disagreeing values are a framing error.
            if (!SipGrammar.TryParseDecimal(SipGrammar.TrimLws(headers.GetValueChars(i, scratch)), int.MaxValue, out var length) || (declared >= 0 && declared != length))
            {
                return (SipParseError.InvalidContentLength, "malformed Content-Length");
            }

            declared = length;
        }

        if (declared >= 0)
        {
            if (declared > available)
            {
                return (SipParseError.BodyShorterThanContentLength, "body shorter than Content-Length");
            }

            bodyLength = (int)declared;
        }

        if (bodyStart - start + bodyLength > limits.MaxMessageBytes)
        {
            return (SipParseError.MessageTooLarge, "message too large");
        }

        // The body shares the copy that the header values are sliced from.
        message.Body = bodyLength == 0 ? ReadOnlyMemory<byte>.Empty : new ReadOnlyMemory<byte>(buffer, bodyStart, bodyLength);
        message.Wire = new ReadOnlyMemory<byte>(buffer, start, bodyStart - start + bodyLength);
        return (SipParseError.None, string.Empty);
    }

    // Returns the header's known id, or -1 for a header ImsLab does not know.
    private static int AddHeader(SipHeaderList headers, ReadOnlySpan<byte> buffer, SipRawHeader raw)
    {
        var nameBytes = raw.Name(buffer);
        string? writtenName = null;
        if (!SipHeaderNames.TryGetId(nameBytes, out var knownId, out var exact) || !exact)
        {
            // An unknown header, or a known one written compact or in another case: keep the name as written.
            writtenName = Encoding.ASCII.GetString(nameBytes);
        }

        if (raw.IsFolded)
        {
            headers.AddParsed(knownId, writtenName, DecodeValue(raw.Value(buffer), folded: true));
        }
        else
        {
            headers.AddParsed(knownId, writtenName, raw.ValueStart, raw.ValueLength);
        }

        return knownId;
    }

    // RFC 3261 7.3.1: a Via line may hold several comma-separated values.
    private static bool AreValidVias(ReadOnlySpan<char> line)
    {
        var parts = new SipCommaSplitter(line);
        while (parts.MoveNext())
        {
            if (!SipVia.IsValid(parts.Current))
            {
                return false;
            }
        }

        return !parts.IsUnbalanced;
    }

    private static bool AreValidContacts(ReadOnlySpan<char> line, ref bool wildcard)
    {
        var parts = new SipCommaSplitter(line);
        while (parts.MoveNext())
        {
            var part = parts.Current;
            if (part is "*")
            {
                wildcard = true;
            }
            else if (!NameAddressParser.IsValid(part))
            {
                return false;
            }
        }

        return !parts.IsUnbalanced;
    }

    /// <summary>UTF-8 value; folded values have each line break and the LWS around it replaced by one SP (RFC 3261 7.3.1).</summary>
    internal static string DecodeValue(ReadOnlySpan<byte> value, bool folded)
    {
        if (!folded)
        {
            return value.IsEmpty ? string.Empty : Encoding.UTF8.GetString(value);
        }

        var builder = new StringBuilder(value.Length);
        while (!value.IsEmpty)
        {
            var lineFeed = value.IndexOf(SipOctets.LineFeed);
            var segment = lineFeed < 0 ? value : value[..lineFeed];
            segment = segment.TrimEnd(" \t\r"u8);
            if (builder.Length > 0)
            {
                segment = segment.TrimStart(SipOctets.Whitespace);
                if (!segment.IsEmpty)
                {
                    builder.Append(' ');
                }
            }

            builder.Append(Encoding.UTF8.GetString(segment));
            value = lineFeed < 0 ? [] : value[(lineFeed + 1)..];
        }

        return builder.ToString();
    }

    private static string Version(ReadOnlySpan<byte> bytes) =>
        System.Text.Ascii.Equals(bytes, SipRequest.SipVersion) ? SipRequest.SipVersion : Encoding.ASCII.GetString(bytes);
}
