using System.Buffers;

namespace ImsLab.Sip.Messages;

/// <summary>Character classes and small scanners of the RFC 3261 25.1 grammar, shared by the header value parsers.</summary>
internal static class SipGrammar
{
    // RFC 3261 25.1: token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.!%*_+`'~");

    private static readonly SearchValues<byte> TokenBytes =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.!%*_+`'~"u8);

    public static SearchValues<char> TokenCharacters => TokenChars;

    public static SearchValues<byte> TokenOctets => TokenBytes;

    public static bool IsTokenChar(char c) => TokenChars.Contains(c);

    public static bool IsToken(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(TokenChars);

    public static bool IsToken(ReadOnlySpan<byte> text) => !text.IsEmpty && !text.ContainsAnyExcept(TokenBytes);

    public static bool IsWhitespace(char c) => c is ' ' or '\t';

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsLws(char c) => c is ' ' or '\t' or '\r' or '\n';

    // Most values arrive trimmed: look at both ends before paying for the general trim.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<char> TrimLws(ReadOnlySpan<char> text) =>
        text.IsEmpty || (!IsLws(text[0]) && !IsLws(text[^1])) ? text : text.Trim(" \t\r\n");

    /// <summary>Index of the closing quote of a quoted-string that opens at <paramref name="start"/>, or -1 (RFC 3261 25.1 quoted-pair).</summary>
    public static int FindClosingQuote(ReadOnlySpan<char> text, int start)
    {
        // Jump between backslashes and quotes instead of looking at every character.
        var i = start + 1;
        while (i < text.Length)
        {
            var next = text[i..].IndexOfAny('\\', '"');
            if (next < 0)
            {
                return -1;
            }

            i += next;
            if (text[i] == '"')
            {
                return i;
            }

            i += 2;
        }

        return -1;
    }

    /// <summary>
    /// Index of the first <paramref name="separator"/> outside quoted strings and angle brackets, or -1; -2 when a quote
    /// or bracket is left open.
    /// </summary>
    public static int IndexOfUnquoted(ReadOnlySpan<char> text, char separator)
    {
        // Jump from one character that matters to the next (vectorised), instead of looking at every character.
        ReadOnlySpan<char> stops = ['"', '<', '>', separator];
        var inAngle = false;
        var i = 0;
        while (i < text.Length)
        {
            var next = text[i..].IndexOfAny(stops);
            if (next < 0)
            {
                break;
            }

            i += next;
            var c = text[i];
            if (c == '"')
            {
                var close = FindClosingQuote(text, i);
                if (close < 0)
                {
                    return -2;
                }

                i = close;
            }
            else if (c == '<')
            {
                inAngle = true;
            }
            else if (c == '>')
            {
                inAngle = false;
            }
            else if (!inAngle)
            {
                return i;
            }

            i++;
        }

        return inAngle ? -2 : -1;
    }

    /// <summary>
    /// Splits a header value on commas outside quoted strings and &lt;...&gt; (RFC 3261 7.3.1), trimming LWS.
    /// Returns false when a quote or bracket is unbalanced.
    /// </summary>
    public static bool TrySplitCommas(string value, List<string> parts)
    {
        var rest = value.AsSpan();
        while (true)
        {
            var comma = IndexOfUnquoted(rest, ',');
            if (comma == -2)
            {
                return false;
            }

            var piece = comma < 0 ? rest : rest[..comma];
            var trimmed = TrimLws(piece);
            parts.Add(trimmed.Length == value.Length ? value : trimmed.ToString());
            if (comma < 0)
            {
                return true;
            }

            rest = rest[(comma + 1)..];
        }
    }

    /// <summary>Splits every line of a header into its comma-separated values.</summary>
    public static List<string> SplitAll(IEnumerable<string> lines)
    {
        var parts = new List<string>();
        foreach (var line in lines)
        {
            if (!TrySplitCommas(line, parts))
            {
                parts.Add(line.Trim());
            }
        }

        return parts;
    }

    /// <summary>Removes the quotes and quoted-pair escapes of a quoted-string; returns other text unchanged.</summary>
    public static string Unquote(ReadOnlySpan<char> text)
    {
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return text.ToString();
        }

        var inner = text[1..^1];
        if (!inner.Contains('\\'))
        {
            return inner.ToString();
        }

        var builder = new System.Text.StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }

            builder.Append(inner[i]);
        }

        return builder.ToString();
    }

    public static bool IsHexDigit(char c) => char.IsAsciiHexDigit(c);

    /// <summary>True when every '%' starts a valid %HEXHEX escape (RFC 3261 25.1 escaped).</summary>
    public static bool HasValidEscapes(ReadOnlySpan<char> text)
    {
        var index = text.IndexOf('%');
        while (index >= 0)
        {
            if (index + 2 >= text.Length || !IsHexDigit(text[index + 1]) || !IsHexDigit(text[index + 2]))
            {
                return false;
            }

            var next = text[(index + 3)..].IndexOf('%');
            index = next < 0 ? -1 : index + 3 + next;
        }

        return true;
    }

    /// <summary>Replaces %HEXHEX escapes by the octet they stand for (as a char); used for comparisons only.</summary>
    public static string Unescape(string text)
    {
        if (!text.Contains('%'))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && IsHexDigit(text[i + 1]) && IsHexDigit(text[i + 2]))
            {
                builder.Append((char)Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Parses a non-negative decimal that must fit in <paramref name="max"/>; leading zeros allowed (RFC 4475 wsinv).</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, long max, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 20)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
            if (value > max)
            {
                return false;
            }
        }

        return true;
    }
}
