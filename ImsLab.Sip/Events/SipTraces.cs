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
        new(SipTraceDirection.Received, at, Remote(flow), Text(message));

    public static SipTraceEntry Sent(SipMessage message, SipFlow flow, DateTimeOffset at) =>
        new(SipTraceDirection.Sent, at, Remote(flow), Text(message));

    private static string Remote(SipFlow flow) =>
        flow.Remote.ToString() + "/" + (flow.Transport == SipTransportProtocol.Tcp ? "TCP" : "UDP");

    private static readonly SearchValues<string> KeyMarkers = SearchValues.Create(["ck=", "ik="], StringComparison.OrdinalIgnoreCase);

    private static string Text(SipMessage message)
    {
        var wire = message.Wire;
        var text = Encoding.UTF8.GetString(wire.IsEmpty ? message.WireBytes() : wire.Span);
        return text.AsSpan().ContainsAny(KeyMarkers) ? KeyParameter().Replace(text, string.Empty) : text;
    }

    [GeneratedRegex(@",\s*(?:ik|ck)\s*=\s*(?:""[^""]*""|[0-9A-Fa-f]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyParameter();

    internal static string Describe(int statusCode, string reason) =>
        statusCode.ToString(CultureInfo.InvariantCulture) + " " + reason;
}
