namespace ImsLab.Sip.Parsing;

/// <summary>
/// Walks the header section of a complete buffer line by line without allocating: finds names, values and
/// continuation lines (RFC 3261 7.3.1). Lines end in CRLF; a bare LF is tolerated (robustness, RFC 5118 archive).
/// </summary>
internal ref struct SipHeaderScanner
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly SipParserLimits _limits;
    private int _count;

    public SipHeaderScanner(ReadOnlySpan<byte> buffer, int start, SipParserLimits limits)
    {
        _buffer = buffer;
        _limits = limits;
        Position = start;
        _count = 0;
        Error = SipParseError.None;
    }

    /// <summary>Offset of the next unread octet; after <see cref="SipScanStatus.EndOfHeaders"/>, the first body octet.</summary>
    public int Position { get; private set; }

    public SipParseError Error { get; private set; }

    // Inlined into the parser's loop: returned through memory, the header's four fields were written as ints and read
    // back as one 16-byte copy, a store-forwarding stall on every line.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public SipScanStatus Next(out SipRawHeader header)
    {
        header = default;
        var remaining = _buffer[Position..];
        var lineEnd = remaining.IndexOf(SipOctets.LineFeed);
        if (lineEnd < 0)
        {
            return Fail(SipParseError.MissingHeaderTerminator);
        }

        var lineLength = ContentLength(remaining, lineEnd);
        if (lineLength == 0)
        {
            Position += lineEnd + 1;
            return SipScanStatus.EndOfHeaders;
        }

        if (SipOctets.IsWhitespace(remaining[0]))
        {
            // RFC 3261 7.3.1: a continuation line needs a header to continue.
            return Fail(SipParseError.InvalidHeaderLine);
        }

        if (++_count > _limits.MaxHeaderCount)
        {
            return Fail(SipParseError.TooManyHeaders);
        }

        var line = remaining[..lineLength];

        // Usual case: the name is a run of token octets ended by the colon, found with one vectorised search.
        var colon = line.IndexOfAnyExcept(Messages.SipGrammar.TokenOctets);
        var nameLength = colon;
        if (colon < 0 || line[colon] != SipOctets.Colon)
        {
            colon = line.IndexOf(SipOctets.Colon);
            if (colon < 0)
            {
                return Fail(SipParseError.InvalidHeaderLine);
            }

            // RFC 3261 25.1 HCOLON = *( SP / HTAB ) ":" SWS
            var name = line[..colon].TrimEnd(SipOctets.Whitespace);
            if (!Messages.SipGrammar.IsToken(name))
            {
                return Fail(SipParseError.InvalidHeaderName);
            }

            nameLength = name.Length;
        }
        else if (colon == 0)
        {
            return Fail(SipParseError.InvalidHeaderName);
        }

        var valueStart = colon + 1;
        var valueEnd = lineLength;
        var folded = false;
        var next = lineEnd + 1;
        while (next < remaining.Length && SipOctets.IsWhitespace(remaining[next]))
        {
            var continuation = remaining[next..].IndexOf(SipOctets.LineFeed);
            if (continuation < 0)
            {
                return Fail(SipParseError.MissingHeaderTerminator);
            }

            folded = true;
            valueEnd = next + ContentLength(remaining[next..], continuation);
            next += continuation + 1;
        }

        if (valueEnd > _limits.MaxHeaderLineBytes)
        {
            return Fail(SipParseError.HeaderLineTooLong);
        }

        var value = remaining[valueStart..valueEnd];
        // Usually one SP before the value and nothing after it: a scalar walk beats a vectorised search here.
        var leading = 0;
        while (leading < value.Length && IsLws(value[leading]))
        {
            leading++;
        }

        var end = value.Length;
        while (end > leading && IsLws(value[end - 1]))
        {
            end--;
        }

        var trimmed = value[leading..end];
        header = new SipRawHeader(Position, nameLength, Position + valueStart + leading, trimmed.Length, folded && trimmed.IndexOfAny(SipOctets.CarriageReturn, SipOctets.LineFeed) >= 0);
        Position += next;
        return SipScanStatus.Header;
    }

    private static bool IsLws(byte octet) => octet is SipOctets.Space or SipOctets.Tab or SipOctets.CarriageReturn or SipOctets.LineFeed;

    private static int ContentLength(ReadOnlySpan<byte> remaining, int lineFeed) =>
        lineFeed > 0 && remaining[lineFeed - 1] == SipOctets.CarriageReturn ? lineFeed - 1 : lineFeed;

    private SipScanStatus Fail(SipParseError error)
    {
        Error = error;
        return SipScanStatus.Error;
    }
}
