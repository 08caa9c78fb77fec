namespace ImsLab.Sip.Parsing;

/// <summary>The pieces of a Request-Line or Status-Line (RFC 3261 7.1, 7.2) as offsets, plus what was wrong with it.</summary>
internal readonly ref struct SipStartLine
{
    public SipStartLine(bool isResponse, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, SipParseError error)
    {
        IsResponse = isResponse;
        First = first;
        Second = second;
        Third = third;
        Error = error;
    }

    public bool IsResponse { get; }

    /// <summary>Method, or SIP-Version of a status line.</summary>
    public ReadOnlySpan<byte> First { get; }

    /// <summary>Request-URI, or status code.</summary>
    public ReadOnlySpan<byte> Second { get; }

    /// <summary>SIP-Version, or reason phrase.</summary>
    public ReadOnlySpan<byte> Third { get; }

    public SipParseError Error { get; }

    private static ReadOnlySpan<byte> SipVersionPrefix => "SIP/"u8;

    private static ReadOnlySpan<byte> SipVersion20 => "SIP/2.0"u8;

    public static SipStartLine Parse(ReadOnlySpan<byte> line)
    {
        if (line.Length >= SipVersionPrefix.Length && System.Text.Ascii.EqualsIgnoreCase(line[..SipVersionPrefix.Length], SipVersionPrefix))
        {
            return ParseStatusLine(line);
        }

        // RFC 3261 7.1: Method SP Request-URI SP SIP-Version, single SPs (RFC 4475 lwsstart/trws: we are strict).
        var firstSpace = line.IndexOf(SipOctets.Space);
        var lastSpace = line.LastIndexOf(SipOctets.Space);
        if (firstSpace <= 0)
        {
            return new SipStartLine(false, line, default, default, SipParseError.InvalidStartLine);
        }

        var method = line[..firstSpace];
        if (!Messages.SipGrammar.IsToken(method))
        {
            return new SipStartLine(false, method, default, default, SipParseError.InvalidMethod);
        }

        if (lastSpace == firstSpace)
        {
            return new SipStartLine(false, method, default, default, SipParseError.InvalidStartLine);
        }

        var uri = line[(firstSpace + 1)..lastSpace];
        var version = line[(lastSpace + 1)..];
        if (uri.IsEmpty || version.IsEmpty || uri.IndexOfAny(SipOctets.Space, SipOctets.Tab) >= 0 || line.IndexOf(SipOctets.Tab) >= 0)
        {
            return new SipStartLine(false, method, uri, version, SipParseError.InvalidStartLine);
        }

        return new SipStartLine(false, method, uri, version, ValidateVersion(version));
    }

    private static SipStartLine ParseStatusLine(ReadOnlySpan<byte> line)
    {
        // RFC 3261 7.2: SIP-Version SP Status-Code SP Reason-Phrase; the phrase may be empty (RFC 4475 noreason).
        var firstSpace = line.IndexOf(SipOctets.Space);
        if (firstSpace < 0)
        {
            return new SipStartLine(true, line, default, default, SipParseError.InvalidStartLine);
        }

        var version = line[..firstSpace];
        var rest = line[(firstSpace + 1)..];
        var secondSpace = rest.IndexOf(SipOctets.Space);
        if (secondSpace < 0)
        {
            return new SipStartLine(true, version, rest, default, SipParseError.InvalidStartLine);
        }

        var code = rest[..secondSpace];
        var reason = rest[(secondSpace + 1)..];
        var error = ValidateVersion(version);
        if (error == SipParseError.None && (code.Length != 3 || !char.IsAsciiDigit((char)code[0]) || code[0] == (byte)'0' ||
                                           !char.IsAsciiDigit((char)code[1]) || !char.IsAsciiDigit((char)code[2]) || code[0] > (byte)'6'))
        {
            error = SipParseError.InvalidStatusCode;
        }

        return new SipStartLine(true, version, code, reason, error);
    }

    private static SipParseError ValidateVersion(ReadOnlySpan<byte> version)
    {
        if (System.Text.Ascii.EqualsIgnoreCase(version, SipVersion20))
        {
            return SipParseError.None;
        }

        // RFC 3261 7.1: SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT; a well-formed other version earns 505 (21.5.7).
        if (version.Length > SipVersionPrefix.Length && System.Text.Ascii.EqualsIgnoreCase(version[..SipVersionPrefix.Length], SipVersionPrefix))
        {
            var number = version[SipVersionPrefix.Length..];
            var dot = number.IndexOf((byte)'.');
            if (dot > 0 && dot < number.Length - 1 && IsDigits(number[..dot]) && IsDigits(number[(dot + 1)..]))
            {
                return SipParseError.UnsupportedVersion;
            }
        }

        return SipParseError.InvalidStartLine;
    }

    private static bool IsDigits(ReadOnlySpan<byte> text) => !text.ContainsAnyExceptInRange((byte)'0', (byte)'9');
}
