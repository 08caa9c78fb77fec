using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ImsLab.Sip.Messages;

/// <summary>
/// A SIP, SIPS or TEL URI (RFC 3261 19.1, RFC 3966), or any other absoluteURI kept as scheme + scheme-specific part.
/// Components are kept as written (escapes intact); <see cref="Equals(SipUri?)"/> compares per RFC 3261 19.1.4.
/// </summary>
public sealed class SipUri : IEquatable<SipUri>
{
    // RFC 3261 25.1: user-unreserved, password chars, param-unreserved, hnv-unreserved beyond 'unreserved'.
    private static readonly SearchValues<char> UserChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()%&=+$,;?/");

    private static readonly SearchValues<char> PasswordChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()%&=+$,");

    private static readonly SearchValues<char> ParameterChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()%[]/:&+$?");

    // The same sets without '%': text that holds none of its complement has no escape to check (one search, not two).
    private static readonly SearchValues<char> UserCharsUnescaped =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()&=+$,;?/");

    private static readonly SearchValues<char> ParameterCharsUnescaped =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()[]/:&+$?");

    private static readonly SearchValues<char> HostnameChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.");

    private static readonly SearchValues<char> Ipv6Chars = SearchValues.Create("ABCDEFabcdef0123456789:.");

    // RFC 3966 3: global-number-digits / local-number-digits with visual separators.
    private static readonly SearchValues<char> TelChars = SearchValues.Create("0123456789ABCDEFabcdef*#+-.()");

    private SipUri(string scheme)
    {
        Scheme = scheme;
    }

    /// <summary>Creates a sip: or sips: URI.</summary>
    public SipUri(string scheme, string? user, string host, int? port = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        ArgumentException.ThrowIfNullOrEmpty(host);
        if (port is < 0 or > 65535)
        {
            SipThrowHelper.ThrowPortOutOfRange(nameof(port));
        }

        Scheme = scheme.ToLowerInvariant();
        if (Scheme is not ("sip" or "sips"))
        {
            SipThrowHelper.ThrowNotSipScheme(nameof(scheme));
        }

        User = user;
        Host = host;
        Port = port;
    }

    /// <summary>"sip", "sips", "tel" or another scheme, lower case.</summary>
    public string Scheme { get; }

    /// <summary>User part as written (escapes intact), or null.</summary>
    public string? User { get; init; }

    /// <summary>Password as written, or null. Deprecated by RFC 3261 19.1.1 but parsed.</summary>
    public string? Password { get; init; }

    /// <summary>Host as written; IPv6 references keep their brackets. Empty for tel: and other schemes.</summary>
    public string Host { get; init; } = string.Empty;

    /// <summary>Explicit port, or null when absent.</summary>
    public int? Port { get; init; }

    // Created on first use: most URIs have no headers, and a parse hands over the parameters it built.
    private SipParameters? _parameters;
    private SipParameters? _headers;

    /// <summary>uri-parameters (";transport=tcp;lr"), or for tel: the tel parameters.</summary>
    public SipParameters Parameters
    {
        get => _parameters ??= new();
        private init => _parameters = value;
    }

    /// <summary>URI headers ("?a=b&amp;c=d").</summary>
    public SipParameters Headers
    {
        get => _headers ??= new();
        private init => _headers = value;
    }

    /// <summary>True when the URI carries headers ("?a=b"), without creating the collection.</summary>
    internal bool HasHeaders => _headers is { Count: > 0 };

    /// <summary>For tel: URIs, the number as written (e.g. "+1-201-555-0123"); otherwise null.</summary>
    public string? TelNumber { get; private set; }

    /// <summary>For schemes other than sip, sips and tel: everything after the colon, as written.</summary>
    public string? SchemeSpecificPart { get; private set; }

    /// <summary>True for sip: and sips:.</summary>
    public bool IsSip => Scheme is "sip" or "sips";

    /// <summary>The host with IPv6 brackets removed, for address resolution.</summary>
    public string HostWithoutBrackets => Host.Length > 1 && Host[0] == '[' ? Host[1..^1] : Host;

    /// <summary>Parses a URI; throws <see cref="FormatException"/> (for programmer-supplied text, not remote input).</summary>
    public static SipUri Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var uri) ? uri : SipThrowHelper.ThrowInvalidUri();
    }

    /// <summary>Parses a URI without throwing.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipUri? uri) => TryParse(text, build: true, out uri) && uri is not null;

    /// <summary>
    /// True when <see cref="TryParse(ReadOnlySpan{char}, out SipUri?)"/> would succeed; builds nothing, so a parser can
    /// validate a URI and leave the object to the first reader. <paramref name="hasHeaders"/> tells whether it carries "?headers".
    /// </summary>
    internal static bool IsValid(ReadOnlySpan<char> text, out bool hasHeaders) => TryParse(text, build: false, out _, out hasHeaders);

    /// <summary>
    /// Parses (or with build false, only validates) a URI received as octets, e.g. a Request-URI. Latin-1 maps each
    /// octet to one char; the URI grammar then rejects anything beyond ASCII.
    /// </summary>
    internal static bool TryParse(ReadOnlySpan<byte> octets, bool build, out SipUri? uri, out bool hasHeaders)
    {
        var chars = octets.Length <= SipCharScratch.Length ? SipCharScratch.Get()[..octets.Length] : new char[octets.Length];
        var count = Encoding.Latin1.GetChars(octets, chars);
        return TryParse(chars[..count], build, out uri, out hasHeaders);
    }

    // One grammar walk for parsing and for validating: without build it checks the same rules and allocates nothing.
    private static bool TryParse(ReadOnlySpan<char> text, bool build, out SipUri? uri) => TryParse(text, build, out uri, out _);

    private static bool TryParse(ReadOnlySpan<char> text, bool build, out SipUri? uri, out bool hasHeaders)
    {
        uri = null;
        hasHeaders = false;
        var colon = text.IndexOf(':');
        if (colon <= 0 || !IsScheme(text[..colon]))
        {
            return false;
        }

        var scheme = text[..colon];
        var rest = text[(colon + 1)..];
        if (scheme.Equals("sip", StringComparison.OrdinalIgnoreCase) || scheme.Equals("sips", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseSip(scheme.Length == 3 ? "sip" : "sips", rest, build, out uri, out hasHeaders);
        }

        if (scheme.Equals("tel", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseTel(rest, build, out uri);
        }

        // RFC 3261 25.1 absoluteURI: keep opaque; it must hold no whitespace or characters that end a header value.
        if (rest.IsEmpty || rest.ContainsAny(" \t\r\n<>\""))
        {
            return false;
        }

        uri = build ? new SipUri(scheme.ToString().ToLowerInvariant()) { SchemeSpecificPart = rest.ToString() } : null;
        return true;
    }

    private static bool TryParseSip(string scheme, ReadOnlySpan<char> rest, bool build, out SipUri? uri, out bool hasHeaders)
    {
        uri = null;
        hasHeaders = false;
        ReadOnlySpan<char> userPart = default;
        ReadOnlySpan<char> passwordPart = default;
        var hasPassword = false;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            if (rest.Contains('@'))
            {
                return false;
            }

            var passwordColon = userInfo.IndexOf(':');
            userPart = passwordColon < 0 ? userInfo : userInfo[..passwordColon];
            if (userPart.IsEmpty || !IsEscapedText(userPart, UserCharsUnescaped, UserChars))
            {
                return false;
            }

            if (passwordColon >= 0)
            {
                hasPassword = true;
                passwordPart = userInfo[(passwordColon + 1)..];
                if (passwordPart.ContainsAnyExcept(PasswordChars) || !SipGrammar.HasValidEscapes(passwordPart))
                {
                    return false;
                }
            }
        }

        // One search finds whichever of the parameters (';') and headers ('?') comes first.
        var stop = rest.IndexOfAny(';', '?');
        var semicolon = stop >= 0 && rest[stop] == ';' ? stop : -1;
        var question = semicolon < 0 ? stop : rest[semicolon..].IndexOf('?');
        if (semicolon >= 0 && question >= 0)
        {
            question += semicolon;
        }

        var headersText = question < 0 ? [] : rest[(question + 1)..];
        var beforeHeaders = question < 0 ? rest : rest[..question];
        var hostPort = semicolon < 0 ? beforeHeaders : beforeHeaders[..semicolon];
        if (!TryParseHostPort(hostPort, build, out var host, out var port))
        {
            return false;
        }

        if (!build)
        {
            hasHeaders = question >= 0 && !headersText.IsEmpty;
            return (semicolon < 0 || SipParameters.IsValidUriComponent(beforeHeaders[(semicolon + 1)..], ';')) &&
                   (question < 0 || SipParameters.IsValidUriComponent(headersText, '&'));
        }

        SipParameters? parameters = null;
        if (semicolon >= 0 && !SipParameters.TryParseUriComponent(beforeHeaders[(semicolon + 1)..], ';', out parameters))
        {
            return false;
        }

        SipParameters? headers = null;
        if (question >= 0 && !SipParameters.TryParseUriComponent(headersText, '&', out headers))
        {
            return false;
        }

        hasHeaders = headers is { Count: > 0 };
        uri = new SipUri(scheme)
        {
            User = userPart.IsEmpty ? null : userPart.ToString(),
            Password = hasPassword ? passwordPart.ToString() : null,
            Host = host,
            Port = port,
            _parameters = parameters,
            _headers = headers,
        };
        return true;
    }

    /// <summary>Parses host [":" port] with IPv6 references in brackets (RFC 3261 25.1 hostport, RFC 5118).</summary>
    internal static bool TryParseHostPort(ReadOnlySpan<char> text, out string host, out int? port) => TryParseHostPort(text, build: true, out host, out port);

    /// <summary>As <see cref="TryParseHostPort(ReadOnlySpan{char}, out string, out int?)"/>; without build the host is left empty.</summary>
    internal static bool TryParseHostPort(ReadOnlySpan<char> text, bool build, out string host, out int? port)
    {
        host = string.Empty;
        port = null;
        ReadOnlySpan<char> hostPart;
        ReadOnlySpan<char> portPart = [];
        var hasPort = false;
        if (!text.IsEmpty && text[0] == '[')
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            hostPart = text[..(close + 1)];
            var inner = hostPart[1..^1];
            // RFC 5118 4.10: tolerate the RFC 3261 ABNF's three-colon form too, so only the character set is checked.
            if (inner.Length < 2 || inner.ContainsAnyExcept(Ipv6Chars) || !inner.Contains(':'))
            {
                return false;
            }

            var after = text[(close + 1)..];
            if (!after.IsEmpty)
            {
                if (after[0] != ':')
                {
                    return false;
                }

                hasPort = true;
                portPart = after[1..];
            }
        }
        else
        {
            // ':' is not a hostname character, so the first character outside the set is either the port colon or
            // makes the host invalid: one search does both.
            var stop = text.IndexOfAnyExcept(HostnameChars);
            if (stop >= 0 && text[stop] != ':')
            {
                return false;
            }

            hostPart = stop < 0 ? text : text[..stop];
            if (stop >= 0)
            {
                hasPort = true;
                portPart = text[(stop + 1)..];
            }

            if (hostPart.IsEmpty || hostPart[0] is '-' or '.')
            {
                return false;
            }
        }

        if (hasPort)
        {
            if (!SipGrammar.TryParseDecimal(portPart, 65535, out var value))
            {
                return false;
            }

            port = (int)value;
        }

        host = build ? hostPart.ToString() : string.Empty;
        return true;
    }

    private static bool TryParseTel(ReadOnlySpan<char> rest, bool build, out SipUri? uri)
    {
        uri = null;
        var semicolon = rest.IndexOf(';');
        var number = semicolon < 0 ? rest : rest[..semicolon];
        if (number.IsEmpty || number.ContainsAnyExcept(TelChars))
        {
            return false;
        }

        if (!build)
        {
            return semicolon < 0 || SipParameters.IsValidUriComponent(rest[(semicolon + 1)..], ';');
        }

        SipParameters? parameters = null;
        if (semicolon >= 0 && !SipParameters.TryParseUriComponent(rest[(semicolon + 1)..], ';', out parameters))
        {
            return false;
        }

        uri = new SipUri("tel") { TelNumber = number.ToString(), _parameters = parameters };
        return true;
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        // RFC 3261 25.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsUriParameterText(ReadOnlySpan<char> text) => IsEscapedText(text, ParameterCharsUnescaped, ParameterChars);

    // Every character in the set and every '%' a valid escape (RFC 3261 25.1 escaped); usually settled by the first search.
    private static bool IsEscapedText(ReadOnlySpan<char> text, SearchValues<char> unescaped, SearchValues<char> allowed) =>
        !text.ContainsAnyExcept(unescaped) || (!text.ContainsAnyExcept(allowed) && SipGrammar.HasValidEscapes(text));

    /// <summary>
    /// Canonical text: scheme:user@host:port;params?headers (tel: number;params). A password is shown as "***" so that
    /// it never reaches a log line; the serializer writes the URI as received.
    /// </summary>
    public override string ToString() => Format(redactPassword: true);

    /// <summary>Canonical text including a password, for the wire only.</summary>
    internal string ToWireString() => Password is null ? ToString() : Format(redactPassword: false);

    private string Format(bool redactPassword)
    {
        if (SchemeSpecificPart is not null)
        {
            return Scheme + ":" + SchemeSpecificPart;
        }

        var builder = new StringBuilder(64);
        builder.Append(Scheme).Append(':');
        if (TelNumber is not null)
        {
            builder.Append(TelNumber);
            _parameters?.AppendTo(builder, ';');
            return builder.ToString();
        }

        if (User is not null)
        {
            builder.Append(User);
            if (Password is not null)
            {
                builder.Append(':').Append(redactPassword ? "***" : Password);
            }

            builder.Append('@');
        }

        builder.Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port);
        }

        _parameters?.AppendTo(builder, ';');
        if (HasHeaders)
        {
            builder.Append(_headers!.ToHeadersString());
        }

        return builder.ToString();
    }

    /// <summary>A deep copy.</summary>
    public SipUri Clone() => new(Scheme)
    {
        User = User,
        Password = Password,
        Host = Host,
        Port = Port,
        _parameters = _parameters?.Clone(),
        _headers = _headers?.Clone(),
        TelNumber = TelNumber,
        SchemeSpecificPart = SchemeSpecificPart,
    };

    /// <summary>URI equality of RFC 3261 19.1.4 (sip/sips), RFC 3966 4 (tel), else case-insensitive text.</summary>
    public bool Equals(SipUri? other) => other is not null && SipUriComparer.AreEqual(this, other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SipUri other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => SipUriComparer.GetHashCode(this);
}
