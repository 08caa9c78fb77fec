using System.Buffers;
using System.Runtime.InteropServices;

namespace ImsLab.Sip.Messages;

/// <summary>
/// A SIP request or response: ordered headers as received, a body, and typed views of the common headers that are
/// parsed on first use and cached until the headers change. Like HttpContext, a message belongs to one flow of work
/// at a time: hand it between threads, do not use it from two at once.
/// </summary>
public abstract class SipMessage
{
    private SipCachedValue<IReadOnlyList<SipVia>> _vias;
    private SipCachedValue<SipNameAddress?> _from;
    private SipCachedValue<SipNameAddress?> _to;
    private SipCachedValue<string?> _callId;
    private SipCachedValue<SipCSeq?> _cseq;
    private SipCachedValue<int?> _maxForwards;
    private SipCachedValue<int?> _expires;
    private SipCachedValue<int?> _contentLength;
    private SipCachedValue<string?> _contentType;
    private SipCachedValue<IReadOnlyList<SipContact>> _contacts;
    private SipCachedValue<bool> _wildcard;
    private ReadOnlyMemory<byte> _body;
    private ReadOnlyMemory<byte> _wire;
    private int _wireHeadersVersion;

    private protected SipMessage(SipHeaderList headers)
    {
        Headers = headers;
    }

    /// <summary>Every header line in order, name as received, raw value.</summary>
    public SipHeaderList Headers { get; }

    /// <summary>The message body; Content-Length is derived from it on serialization.</summary>
    public ReadOnlyMemory<byte> Body
    {
        get => _body;
        set
        {
            _body = value;
            _wire = default;
        }
    }

    /// <summary>All Via values, top first (comma-separated and repeated lines).</summary>
    public IReadOnlyList<SipVia> Vias => _vias.Get(Headers, static h => SipHeaderReader.ReadVias(h));

    /// <summary>The topmost Via, or null.</summary>
    public SipVia? TopVia => Vias.Count > 0 ? Vias[0] : null;

    /// <summary>The From header, or null when absent or malformed.</summary>
    public SipNameAddress? From => _from.Get(Headers, static h => SipHeaderReader.ReadNameAddress(h, SipHeaderNames.From));

    /// <summary>The To header, or null when absent or malformed.</summary>
    public SipNameAddress? To => _to.Get(Headers, static h => SipHeaderReader.ReadNameAddress(h, SipHeaderNames.To));

    /// <summary>The Call-ID, or null.</summary>
    public string? CallId => _callId.Get(Headers, static h => h.GetFirstCanonical(SipHeaderNames.CallId)?.Trim());

    /// <summary>The CSeq, or null when absent or malformed.</summary>
    public SipCSeq? CSeq => _cseq.Get(Headers, static h => SipHeaderReader.ReadCSeq(h));

    /// <summary>Max-Forwards (0..255), or null when absent or malformed.</summary>
    public int? MaxForwards => _maxForwards.Get(Headers, static h => SipHeaderReader.ReadInteger(h, SipHeaderNames.MaxForwards, 255));

    /// <summary>The Expires header in seconds, or null when absent or malformed; values above int.MaxValue are clamped.</summary>
    public int? Expires => _expires.Get(Headers, static h => SipHeaderReader.ReadDeltaSeconds(h, SipHeaderNames.Expires));

    /// <summary>Content-Length as received, or null.</summary>
    public int? ContentLength => _contentLength.Get(Headers, static h => SipHeaderReader.ReadInteger(h, SipHeaderNames.ContentLength, int.MaxValue));

    /// <summary>Content-Type as written (media type with parameters), or null.</summary>
    public string? ContentType => _contentType.Get(Headers, static h => h.GetFirstCanonical(SipHeaderNames.ContentType)?.Trim());

    /// <summary>All Contact values in order ("*" excluded; see <see cref="HasWildcardContact"/>).</summary>
    public IReadOnlyList<SipContact> Contacts => _contacts.Get(Headers, static h => SipHeaderReader.ReadContacts(h));

    /// <summary>True when the Contact is "*" (RFC 3261 10.2.2, remove all bindings).</summary>
    public bool HasWildcardContact => _wildcard.Get(Headers, static h => SipHeaderReader.HasWildcardContact(h));

    /// <summary>
    /// The message as it crossed the wire: the octets received (without leading CRLFs or anything after the body), or
    /// the octets last sent. Empty for a message built here and not sent yet. Traces show these, not a re-serialization.
    /// </summary>
    internal ReadOnlyMemory<byte> Wire
    {
        // A header changed since (a To tag, a Via received parameter) makes the octets stale.
        get => _wireHeadersVersion == Headers.Version ? _wire : default;
        set
        {
            _wire = value;
            _wireHeadersVersion = Headers.Version;
        }
    }

    /// <summary>
    /// The serialized message, made once: a response is traced and sent from the same octets. The array must not be
    /// changed by the caller.
    /// </summary>
    internal byte[] WireBytes()
    {
        var wire = Wire;
        if (!wire.IsEmpty && MemoryMarshal.TryGetArray(wire, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length)
        {
            return segment.Array;
        }
        var bytes = ToBytes();
        Wire = bytes;
        return bytes;
    }

    /// <summary>Serializes the message (RFC 3261 7); Content-Length is written from <see cref="Body"/>.</summary>
    public byte[] ToBytes()
    {
        // One buffer per thread that grows once, then one exact copy: a fresh writer starting small allocated about
        // as much again as the message while it grew. Serializing never awaits, so the thread's buffer is not shared.
        var writer = t_serializer ??= new ArrayBufferWriter<byte>(SerializerCapacity);
        writer.ResetWrittenCount();
        WriteTo(writer);
        var bytes = writer.WrittenSpan.ToArray();
        if (writer.Capacity > 4 * SerializerCapacity)
        {
            // A rare large message (a big body): do not keep its buffer for the thread's life.
            t_serializer = null;
        }

        return bytes;
    }

    private const int SerializerCapacity = 4096;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_serializer;

    /// <summary>Serializes the message into <paramref name="writer"/>.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        SipMessageWriter.Write(this, writer);
    }

    /// <summary>The start line, for logs ("REGISTER sip:ims.example SIP/2.0" or "SIP/2.0 200 OK").</summary>
    public abstract override string ToString();

    /// <summary>
    /// Stores the typed values the parser already computed while validating, so the accessors do not parse them again.
    /// The object-valued views (Via, From, To, Contact) are validated by the parser but built on first read.
    /// </summary>
    internal void PrimeCache(SipCSeq cseq, int? maxForwards, bool wildcard)
    {
        _cseq.Set(Headers, cseq);
        _maxForwards.Set(Headers, maxForwards);
        _wildcard.Set(Headers, wildcard);
    }

    internal abstract void WriteStartLine(ref SipMessageWriter.Utf8Writer writer);
}
