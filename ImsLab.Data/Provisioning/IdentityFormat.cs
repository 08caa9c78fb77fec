using System.Text;

namespace ImsLab.Data.Provisioning;

/// <summary>
/// Syntax checks and the one normal form of IMPIs and IMPUs, used by provisioning when storing and by the
/// directory when looking up, so both meet on the same string.
/// </summary>
internal static class IdentityFormat
{
    public const int MaxLength = 255;

    /// <summary>
    /// IMPI: an NAI "username@realm" (TS 23.003 13.3, RFC 7542) or a bare username for plain digest users;
    /// lowercase, trimmed. Null when not acceptable.
    /// </summary>
    public static string? NormalizeImpi(string? impi)
    {
        if (string.IsNullOrWhiteSpace(impi)) return null;
        var value = impi.Trim().ToLowerInvariant();
        if (value.Length > MaxLength) return null;
        var at = value.IndexOf('@');
        var user = at < 0 ? value : value[..at];
        if (user.Length == 0 || !user.All(IsNaiUserChar)) return null;
        if (at >= 0 && !IsHost(value[(at + 1)..])) return null;
        return value;
    }

    /// <summary>
    /// IMPU: "sip:user@host[:port]", "sips:..." (RFC 3261 19.1) or "tel:+15550000001" (RFC 3966, global numbers;
    /// visual separators removed). Scheme and host lowercase, user part as given, URI parameters and headers dropped,
    /// surrounding angle brackets removed. Null when not acceptable.
    /// </summary>
    public static string? NormalizeImpu(string? impu)
    {
        if (string.IsNullOrWhiteSpace(impu)) return null;
        var value = impu.Trim();
        if (value.StartsWith('<') && value.EndsWith('>')) value = value[1..^1].Trim();
        var colon = value.IndexOf(':');
        if (colon <= 0 || value.Length > MaxLength) return null;
        var scheme = value[..colon].ToLowerInvariant();
        var rest = value[(colon + 1)..];
        var end = rest.IndexOfAny([';', '?']);
        if (end >= 0) rest = rest[..end];

        if (scheme == "tel")
        {
            if (!rest.StartsWith('+')) return null;
            var digits = new StringBuilder("tel:+");
            foreach (var c in rest.AsSpan(1))
            {
                if (char.IsAsciiDigit(c)) digits.Append(c);
                else if (c is not ('-' or '.' or '(' or ')')) return null;
            }
            return digits.Length is > 5 and <= 5 + 15 ? digits.ToString() : null;
        }
        if (scheme is not ("sip" or "sips")) return null;
        var at = rest.LastIndexOf('@');
        if (at <= 0) return null;
        var user = rest[..at];
        var host = rest[(at + 1)..].ToLowerInvariant();
        if (!user.All(IsSipUserChar) || !IsHostPort(host)) return null;
        return $"{scheme}:{user}@{host}";
    }

    /// <summary>A sip:/sips: URI with or without user part (application servers, RFC 3261 19.1), parameters allowed.</summary>
    public static bool IsSipUri(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri)) return false;
        var colon = uri.IndexOf(':');
        if (colon <= 0 || uri[..colon].ToLowerInvariant() is not ("sip" or "sips")) return false;
        var rest = uri[(colon + 1)..];
        var end = rest.IndexOfAny([';', '?']);
        if (end >= 0) rest = rest[..end];
        var at = rest.LastIndexOf('@');
        return (at < 0 || (at > 0 && rest[..at].All(IsSipUserChar))) && IsHostPort(rest[(at + 1)..].ToLowerInvariant());
    }

    private static bool IsNaiUserChar(char c) => char.IsAsciiLetterOrDigit(c) || "._-+!~*'%$&=".Contains(c);

    // RFC 3261 25.1 user: unreserved / escaped / user-unreserved ("&" / "=" / "+" / "$" / "," / ";" / "?" / "/").
    private static bool IsSipUserChar(char c) => char.IsAsciiLetterOrDigit(c) || "-_.!~*'()%&=+$,/".Contains(c);

    private static bool IsHost(string host) =>
        host.Length is > 0 and <= MaxLength && !host.StartsWith('.') && !host.EndsWith('.') && !host.Contains("..")
        && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');

    private static bool IsHostPort(string hostPort)
    {
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']');
            return close > 1 && hostPort[1..close].All(c => char.IsAsciiHexDigit(c) || c is ':' or '.')
                && (close == hostPort.Length - 1 || IsPort(hostPort[(close + 1)..]));
        }
        var colon = hostPort.IndexOf(':');
        return colon < 0 ? IsHost(hostPort) : IsHost(hostPort[..colon]) && IsPort(hostPort[colon..]);
    }

    private static bool IsPort(string colonPort) =>
        colonPort.Length is > 1 and <= 6 && colonPort[0] == ':' && colonPort.AsSpan(1).ContainsAnyExceptInRange('0', '9') is false;
}
