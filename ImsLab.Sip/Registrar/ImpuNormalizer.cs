using System.Globalization;
using ImsLab.Sip.Messages;

namespace ImsLab.Sip.Registrar;

/// <summary>
/// Turns the URI of a To header into the normalized IMPU form the subscriber directory stores (scheme and host lower
/// case, no parameters or headers, TS 23.003 13.4): "sip:user@host[:port]" or "tel:+number".
/// </summary>
internal static class ImpuNormalizer
{
    public static string? Normalize(SipUri uri)
    {
        if (uri.TelNumber is { } number)
        {
            return "tel:" + number;
        }
        if (!uri.IsSip || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }
        var host = uri.Host.ToLowerInvariant();
        var port = uri.Port is { } p ? ":" + p.ToString(CultureInfo.InvariantCulture) : "";
        return uri.User is { Length: > 0 } user ? $"{uri.Scheme}:{user}@{host}{port}" : $"{uri.Scheme}:{host}{port}";
    }
}
