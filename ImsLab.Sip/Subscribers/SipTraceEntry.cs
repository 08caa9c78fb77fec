using System.Text;
using System.Text.Json.Serialization;

namespace ImsLab.Sip.Subscribers;

/// <summary>
/// One SIP message of an exchange, for the dashboard's ladder diagram. The text is the message as on the wire:
/// Authorization response values may appear, keys (K, OP, OPc, CK, IK, passwords) never do — the registrar
/// removes ck/ik parameters before tracing.
/// </summary>
/// <remarks>
/// A trace made by the registrar holds the message's own octets (the received copy, or the response bytes a
/// transaction keeps for retransmission), not a decoded string: every registration traces four messages, and as
/// UTF-16 strings they were the largest thing a registration left behind for the garbage collector to promote.
/// <see cref="Text"/> decodes on each read; JSON is written from the octets directly.
/// </remarks>
[JsonConverter(typeof(SipTraceEntryJsonConverter))]
public sealed class SipTraceEntry
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _octets;

    /// <summary>A trace entry of a message held as text (read back from the event log, or made by a test).</summary>
    /// <param name="direction">In or out.</param>
    /// <param name="at">When it was received or sent.</param>
    /// <param name="remote">The remote endpoint, "192.0.2.1:5060/UDP".</param>
    /// <param name="text">The message text.</param>
    public SipTraceEntry(SipTraceDirection direction, DateTimeOffset at, string remote, string text)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(text);
        Direction = direction;
        At = at;
        Remote = remote;
        _text = text;
    }

    /// <summary>A trace entry of a message held as its UTF-8 wire octets, which the caller no longer changes.</summary>
    internal SipTraceEntry(SipTraceDirection direction, DateTimeOffset at, string remote, ReadOnlyMemory<byte> octets)
    {
        Direction = direction;
        At = at;
        Remote = remote;
        _octets = octets;
    }

    /// <summary>In or out.</summary>
    public SipTraceDirection Direction { get; }

    /// <summary>When it was received or sent.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The remote endpoint, "192.0.2.1:5060/UDP".</summary>
    public string Remote { get; }

    /// <summary>The message text (decoded from the octets on each read when the entry holds octets).</summary>
    public string Text => _text ?? Encoding.UTF8.GetString(_octets.Span);

    /// <summary>The message's UTF-8 octets when the entry holds them rather than text (see <see cref="HoldsOctets"/>).</summary>
    internal ReadOnlySpan<byte> Octets => _octets.Span;

    /// <summary>True when the entry holds octets rather than text.</summary>
    internal bool HoldsOctets => _text is null;
}
