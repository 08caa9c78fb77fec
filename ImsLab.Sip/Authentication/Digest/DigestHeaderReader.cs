using System.Buffers;
using System.Text;

namespace ImsLab.Sip.Authentication.Digest;

/// <summary>
/// Reads "Digest" followed by comma-separated auth-params (RFC 3261 25.1, RFC 7616 3.3/3.4) from a header value.
/// Accepts LWS (including folded lines) around "=" and ",", quoted-strings with quoted-pairs, unquoted values and
/// empty list elements. A second "Scheme param=..." in the same value ends the current one.
/// </summary>
internal ref struct DigestHeaderReader
{
    private const char Quote = '"';
    private const char Backslash = '\\';
    private const char Comma = ',';
    private const char EqualsSign = '=';

    // RFC 3261 25.1: token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~");

    // Unquoted values are read leniently: up to LWS, a comma or a quote (some UEs send "username = a@b").
    private static readonly SearchValues<char> UnquotedValueStops = SearchValues.Create(" \t\r\n,\"");

    private readonly ReadOnlySpan<char> _text;
    private int _position;

    public DigestHeaderReader(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly bool AtEnd => _position >= _text.Length;

    /// <summary>Reads the scheme and checks it is Digest (case-insensitive, RFC 7235 2.1).</summary>
    public DigestParseError ReadScheme()
    {
        SkipWhitespace();
        if (AtEnd) return DigestParseError.Empty;
        var scheme = ReadToken();
        if (!scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase)) return DigestParseError.NotDigestScheme;
        if (!AtEnd && !IsWhitespace(_text[_position])) return DigestParseError.NotDigestScheme;
        return DigestParseError.None;
    }

    /// <summary>
    /// Reads the next auth-param. Returns false with <see cref="DigestParseError.None"/> at the end of this
    /// challenge or credentials (end of text, or the start of another scheme).
    /// </summary>
    public bool TryReadParameter(out string name, out string value, out bool quoted, out DigestParseError error)
    {
        name = value = "";
        quoted = false;
        error = DigestParseError.None;
        SkipWhitespaceAndCommas();
        if (AtEnd) return false;

        int nameStart = _position;
        var token = ReadToken();
        if (token.IsEmpty)
        {
            error = DigestParseError.ExpectedParameterName;
            return false;
        }
        SkipWhitespace();
        if (AtEnd || _text[_position] != EqualsSign)
        {
            // "..., Digest username=..." in the same value: another scheme starts here.
            if (_position > nameStart + token.Length && !AtEnd && TokenChars.Contains(_text[_position]))
            {
                _position = nameStart;
                return false;
            }
            error = DigestParseError.ExpectedEquals;
            return false;
        }
        _position++;
        SkipWhitespace();
        name = token.ToString();

        if (!AtEnd && _text[_position] == Quote)
        {
            quoted = true;
            error = ReadQuotedString(out value);
            if (error != DigestParseError.None) return false;
        }
        else
        {
            var rest = _text[_position..];
            int length = rest.IndexOfAny(UnquotedValueStops);
            if (length < 0) length = rest.Length;
            value = rest[..length].ToString();
            _position += length;
        }

        SkipWhitespace();
        if (!AtEnd && _text[_position] != Comma)
        {
            error = DigestParseError.ExpectedComma;
            return false;
        }
        return true;
    }

    private DigestParseError ReadQuotedString(out string value)
    {
        value = "";
        int start = ++_position;
        var rest = _text[start..];
        int end = rest.IndexOfAny(Quote, Backslash);
        // Fast path: no quoted-pair before the closing quote.
        if (end >= 0 && rest[end] == Quote)
        {
            if (ContainsControl(rest[..end])) return DigestParseError.InvalidCharacter;
            value = rest[..end].ToString();
            _position = start + end + 1;
            return DigestParseError.None;
        }
        return ReadEscapedQuotedString(out value);
    }

    private DigestParseError ReadEscapedQuotedString(out string value)
    {
        value = "";
        var builder = new StringBuilder();
        while (_position < _text.Length)
        {
            char c = _text[_position++];
            if (c == Quote)
            {
                value = builder.ToString();
                return DigestParseError.None;
            }
            if (c == Backslash)
            {
                // RFC 3261 25.1: quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F)
                if (_position >= _text.Length) break;
                c = _text[_position++];
                if (c is '\r' or '\n') return DigestParseError.InvalidCharacter;
            }
            else if (IsControl(c))
            {
                return DigestParseError.InvalidCharacter;
            }
            builder.Append(c);
        }
        return DigestParseError.UnterminatedQuotedString;
    }

    private ReadOnlySpan<char> ReadToken()
    {
        var rest = _text[_position..];
        int length = rest.IndexOfAnyExcept(TokenChars);
        if (length < 0) length = rest.Length;
        _position += length;
        return rest[..length];
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && IsWhitespace(_text[_position])) _position++;
    }

    private void SkipWhitespaceAndCommas()
    {
        while (_position < _text.Length && (IsWhitespace(_text[_position]) || _text[_position] == Comma)) _position++;
    }

    // LWS may fold lines (RFC 3261 7.3.1), so CR and LF count as whitespace between elements.
    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsControl(char c) => (c < 0x20 && c != '\t') || c == 0x7F;

    private static bool ContainsControl(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (IsControl(c)) return true;
        }
        return false;
    }
}
