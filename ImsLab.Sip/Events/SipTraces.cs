using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;

namespace ImsLab.Sip.Events;

/// <summary>
/// Turns the SIP messages of an exchange into <see cref="SipTraceEntry"/> records for the dashboard's ladder diagram.
/// Keys never enter a trace: ik and ck challenge parameters (TS 33.203 keys towards a P-CSCF) are cut out.
/// </summary>
internal static partial class SipTraces
{
    public static SipTraceEntry Received(SipMessage message, SipFlow flow, DateTimeOffset at) =>
        new(SipTraceDirection.Received, at, Remote(flow), Octets(message));

    public static SipTraceEntry Sent(SipMessage message, SipFlow flow, DateTimeOffset at) =>
        new(SipTraceDirection.Sent, at, Remote(flow), Octets(message));

    private static string Remote(SipFlow flow) =>
        flow.Remote.ToString() + "/" + (flow.Transport == SipTransportProtocol.Tcp ? "TCP" : "UDP");

    // The octets the message crossed the wire as, shared with the message (received copy, or the response bytes its
    // transaction keeps): nothing is copied unless a key has to be cut out, and then the trace gets its own copy.
    private static ReadOnlyMemory<byte> Octets(SipMessage message)
    {
        var wire = message.Wire;
        if (wire.IsEmpty)
        {
            wire = message.WireBytes();
        }

        if (!ContainsKeyMarker(wire.Span))
        {
            return wire;
        }

        var text = KeyParameter().Replace(Encoding.UTF8.GetString(wire.Span), string.Empty);
        return Encoding.UTF8.GetBytes(text);
    }

    // "ck=" or "ik=" in any case (RFC 3310 / TS 33.203 challenge parameters): one vectorised search per spelling of
    // "k=", which a message without keys never contains.
    private static bool ContainsKeyMarker(ReadOnlySpan<byte> octets) =>
        ContainsKeyMarker(octets, "k="u8) || ContainsKeyMarker(octets, "K="u8);

    private static bool ContainsKeyMarker(ReadOnlySpan<byte> octets, ReadOnlySpan<byte> keyEquals)
    {
        int at;
        while ((at = octets.IndexOf(keyEquals)) >= 0)
        {
            if (at >= 1 && (octets[at - 1] | 0x20) is (byte)'c' or (byte)'i')
            {
                return true;
            }

            octets = octets[(at + 1)..];
        }

        return false;
    }

    [GeneratedRegex(@",\s*(?:ik|ck)\s*=\s*(?:""[^""]*""|[0-9A-Fa-f]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyParameter();

    internal static string Describe(int statusCode, string reason) =>
        statusCode.ToString(CultureInfo.InvariantCulture) + " " + reason;
}
