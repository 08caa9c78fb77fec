using System.Buffers;
using ImsLab.Sip.Messages;

namespace ImsLab.Sip.Parsing;

/// <summary>
/// Cuts SIP messages out of a byte stream (RFC 3261 18.3): the header section ends at CRLFCRLF, then exactly
/// Content-Length octets follow; on streams Content-Length is mandatory. Leading CRLFs are keep-alives (RFC 5626 4.4.1).
/// </summary>
public static class SipStreamFramer
{
    /// <summary>
    /// Looks at the start of <paramref name="buffer"/>. On <see cref="SipFrameResult.Message"/>, <paramref name="frame"/> holds
    /// one message and <paramref name="consumed"/> is just past it; on a keep-alive, <paramref name="consumed"/> is past the
    /// CRLFs; otherwise <paramref name="consumed"/> is the buffer start and nothing may be discarded.
    /// A lone CRLF at the end of the buffer is reported as <see cref="SipFrameResult.NeedMoreData"/> because it may be the
    /// first half of a CRLFCRLF ping.
    /// </summary>
    public static SipFrameResult TryFrame(in ReadOnlySequence<byte> buffer, SipParserLimits limits, out SequencePosition consumed, out ReadOnlySequence<byte> frame)
    {
        ArgumentNullException.ThrowIfNull(limits);
        consumed = buffer.Start;
        frame = default;
        var result = buffer.IsSingleSegment
            ? FrameSpan(buffer.FirstSpan, limits, out var consumedLength, out var frameLength)
            : FrameMultiSegment(buffer, limits, out consumedLength, out frameLength);
        if (result is SipFrameResult.Message or SipFrameResult.KeepAlivePing or SipFrameResult.KeepAlivePong)
        {
            consumed = buffer.GetPosition(consumedLength);
            if (result == SipFrameResult.Message)
            {
                frame = buffer.Slice(consumedLength - frameLength, frameLength);
            }
        }

        return result;
    }

    private static SipFrameResult FrameMultiSegment(in ReadOnlySequence<byte> buffer, SipParserLimits limits, out int consumedLength, out int frameLength)
    {
        // Slow path: find the end of the header section across segments, then frame a contiguous copy of it.
        var reader = new SequenceReader<byte>(buffer);
        var searchLimit = (int)Math.Min(buffer.Length, (long)limits.MaxMessageBytes + 4);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> _, SipOctets.CrlfCrlf, advancePastDelimiter: true))
        {
            frameLength = 0;
            Span<byte> head = stackalloc byte[(int)Math.Min(buffer.Length, 4)];
            buffer.Slice(0, head.Length).CopyTo(head);
            if (CheckKeepAlive(head, out consumedLength) is { } keepAlive)
            {
                return keepAlive;
            }

            return buffer.Length > limits.MaxMessageBytes ? SipFrameResult.TooLarge : SipFrameResult.NeedMoreData;
        }

        var headerLength = (int)Math.Min(reader.Consumed, searchLimit);
        var copy = ArrayPool<byte>.Shared.Rent(headerLength);
        try
        {
            buffer.Slice(0, headerLength).CopyTo(copy);
            var result = FrameHeaderSection(copy.AsSpan(0, headerLength), buffer.Length, limits, out consumedLength, out frameLength);
            return result;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static SipFrameResult FrameSpan(ReadOnlySpan<byte> span, SipParserLimits limits, out int consumedLength, out int frameLength)
    {
        var headerEnd = span.IndexOf(SipOctets.CrlfCrlf);
        if (headerEnd < 0)
        {
            return FrameHeaderSection(span, span.Length, limits, out consumedLength, out frameLength);
        }

        return FrameHeaderSection(span[..(headerEnd + 4)], span.Length, limits, out consumedLength, out frameLength);
    }

    /// <summary><paramref name="span"/> is the buffer start up to and including the first CRLFCRLF (or all of it when absent).</summary>
    private static SipFrameResult FrameHeaderSection(ReadOnlySpan<byte> span, long available, SipParserLimits limits, out int consumedLength, out int frameLength)
    {
        consumedLength = frameLength = 0;
        if (span.IsEmpty)
        {
            return SipFrameResult.NeedMoreData;
        }

        if (CheckKeepAlive(span, out consumedLength) is { } keepAlive)
        {
            return keepAlive;
        }

        if (!span.EndsWith(SipOctets.CrlfCrlf))
        {
            return available > limits.MaxMessageBytes ? SipFrameResult.TooLarge : SipFrameResult.NeedMoreData;
        }

        if (span.Length > limits.MaxMessageBytes)
        {
            return SipFrameResult.TooLarge;
        }

        var contentLength = FindContentLength(span, limits);
        if (contentLength < 0)
        {
            return SipFrameResult.Malformed;
        }

        if (span.Length + (long)contentLength > limits.MaxMessageBytes)
        {
            return SipFrameResult.TooLarge;
        }

        if (available < span.Length + contentLength)
        {
            return SipFrameResult.NeedMoreData;
        }

        consumedLength = frameLength = span.Length + contentLength;
        return SipFrameResult.Message;
    }

    /// <summary>
    /// RFC 5626 4.4.1: CRLFCRLF is a ping, a single CRLF a pong. Null when the buffer does not start with CR.
    /// A CRLF not yet followed by anything may still become a ping, so it waits for more data.
    /// </summary>
    private static SipFrameResult? CheckKeepAlive(ReadOnlySpan<byte> start, out int consumedLength)
    {
        consumedLength = 0;
        if (start.IsEmpty || start[0] != SipOctets.CarriageReturn)
        {
            return null;
        }

        if (start.Length < 2)
        {
            return SipFrameResult.NeedMoreData;
        }

        if (start[1] != SipOctets.LineFeed)
        {
            return SipFrameResult.Malformed;
        }

        if (start.Length < 3)
        {
            return SipFrameResult.NeedMoreData;
        }

        if (start[2] != SipOctets.CarriageReturn)
        {
            consumedLength = 2;
            return SipFrameResult.KeepAlivePong;
        }

        if (start.Length < 4)
        {
            return SipFrameResult.NeedMoreData;
        }

        if (start[3] != SipOctets.LineFeed)
        {
            return SipFrameResult.Malformed;
        }

        consumedLength = 4;
        return SipFrameResult.KeepAlivePing;
    }

    /// <summary>The Content-Length of a header section; -1 when absent, malformed or contradictory (RFC 4475 ncl, mcl01).</summary>
    private static int FindContentLength(ReadOnlySpan<byte> headerSection, SipParserLimits limits)
    {
        var firstLine = headerSection.IndexOf(SipOctets.LineFeed);
        var scanner = new SipHeaderScanner(headerSection, firstLine + 1, limits);
        long found = -1;
        while (scanner.Next(out var header) == SipScanStatus.Header)
        {
            if (SipHeaderNames.TryGetId(header.Name(headerSection), out var knownId, out _) && knownId == SipHeaderNames.ContentLengthId)
            {
                var value = header.Value(headerSection);
                // RFC 3261 20.14: 1*DIGIT only; a sign ("-999", RFC 4475 ncl) or anything else breaks the framing.
                if (value.IsEmpty || value.ContainsAnyExceptInRange((byte)'0', (byte)'9') ||
                    !System.Buffers.Text.Utf8Parser.TryParse(value, out int length, out var read) || read != value.Length ||
                    (found >= 0 && found != length))
                {
                    return -1;
                }

                found = length;
            }
        }

        return scanner.Error == SipParseError.None ? (int)found : -1;
    }
}
