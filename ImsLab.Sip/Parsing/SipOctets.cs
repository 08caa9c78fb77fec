namespace ImsLab.Sip.Parsing;

/// <summary>Named octets of the SIP grammar (RFC 3261 25.1).</summary>
internal static class SipOctets
{
    public const byte CarriageReturn = (byte)'\r';
    public const byte LineFeed = (byte)'\n';
    public const byte Space = (byte)' ';
    public const byte Tab = (byte)'\t';
    public const byte Colon = (byte)':';

    public static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    public static ReadOnlySpan<byte> CrlfCrlf => "\r\n\r\n"u8;

    public static ReadOnlySpan<byte> Whitespace => " \t"u8;

    public static bool IsWhitespace(byte b) => b is Space or Tab;
}
