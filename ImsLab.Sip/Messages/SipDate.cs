using System.Globalization;

namespace ImsLab.Sip.Messages;

/// <summary>SIP-date (RFC 3261 20.17, RFC 2616 3.3.1 rfc1123-date): "Sat, 13 Nov 2010 23:29:00 GMT".</summary>
internal static class SipDate
{
    private const string Rfc1123Format = "ddd, dd MMM yyyy HH:mm:ss 'GMT'";

    public static DateTimeOffset? Parse(string text) =>
        DateTimeOffset.TryParseExact(text.Trim(), Rfc1123Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;
}
