using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ImsLab.Sip.Messages;

namespace ImsLab.Sip.Transport;

/// <summary>Records on the top Via where a request really came from, so its responses can find the way back.</summary>
internal static class SipViaStamper
{
    private const string ReceivedParameter = "received";
    private const string RportParameter = "rport";

    /// <summary>
    /// RFC 3261 18.2.1: add "received" when the sent-by host is not the packet's source address; RFC 3581 4: when the
    /// Via carries an empty "rport" (or <paramref name="forceRport"/> treats it as if it did), fill in the source port
    /// and add "received" even if the address is the same.
    /// </summary>
    public static void Stamp(SipRequest request, IPEndPoint source, bool forceRport = false)
    {
        var via = request.TopVia;
        if (via is null)
        {
            return;
        }

        var wantsRport = (forceRport || via.HasRport) && via.Rport is null;
        var needsReceived = wantsRport || !IsSameAddress(via.Host, source.Address);
        if (!needsReceived)
        {
            return;
        }

        var parameters = via.Parameters.Clone();
        parameters.Set(ReceivedParameter, FormatReceived(source.Address));
        if (wantsRport)
        {
            parameters.Set(RportParameter, source.Port.ToString(CultureInfo.InvariantCulture));
        }

        ReplaceTopVia(request.Headers, (via with { Parameters = parameters }).ToString());
    }

    /// <summary>True when a Via or URI host (an IPv6 reference may carry brackets) is the IP address <paramref name="address"/>.</summary>
    public static bool IsSameAddress(string host, IPAddress address) =>
        TryParseHostAddress(host, out var parsed) && Normalize(parsed).Equals(Normalize(address));

    /// <summary>Parses an IPv4 or IPv6 literal, with or without brackets (RFC 5118 4.5: received may be written either way).</summary>
    public static bool TryParseHostAddress(string? host, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        var span = host.AsSpan();
        if (span.Length > 2 && span[0] == '[' && span[^1] == ']')
        {
            span = span[1..^1];
        }

        return IPAddress.TryParse(span, out address);
    }

    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    // RFC 3261 25.1 / RFC 5118 4.5: received = IPv4address / IPv6address, the IPv6 form without brackets or zone.
    private static string FormatReceived(IPAddress address)
    {
        address = Normalize(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0)
        {
            address = new IPAddress(address.GetAddressBytes());
        }

        return address.ToString();
    }

    // The top Via is the first value of the first Via line; that line may carry more values after a comma
    // (RFC 3261 7.3.1), which stay as they were.
    private static void ReplaceTopVia(SipHeaderList headers, string topVia)
    {
        var index = headers.IndexOf(SipHeaderNames.Via);
        if (index < 0)
        {
            return;
        }

        var line = headers[index];
        var values = new List<string>(2);
        var rest = SipGrammar.TrySplitCommas(line.Value, values) && values.Count > 1
            ? topVia + ", " + string.Join(", ", values.Skip(1))
            : topVia;
        headers.RemoveAt(index);
        headers.Insert(index, line.Name, rest);
    }
}
