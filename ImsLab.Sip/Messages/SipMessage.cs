using System.Buffers;

namespace ImsLab.Sip.Messages;

/// <summary>
/// A SIP request or response: ordered headers as received, a body, and typed views of the common headers that are
/// parsed on first use and cached until the headers change.
/// </summary>
public abstract class SipMessage
{
    private readonly SipHeaderCache _cache = new();

    private protected SipMessage(SipHeaderList headers)
    {
        Headers = headers;
    }

    /// <summary>Every header line in order, name as received, raw value.</summary>
    public SipHeaderList Headers { get; }

    /// <summary>The message body; Content-Length is derived from it on serialization.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>All Via values, top first (comma-separated and repeated lines).</summary>
    public IReadOnlyList<SipVia> Vias => _cache.Get(Headers, SipHeaderCache.ViasSlot, static h => SipHeaderReader.ReadVias(h));

    /// <summary>The topmost Via, or null.</summary>
    public SipVia? TopVia => Vias.Count > 0 ? Vias[0] : null;

    /// <summary>The From header, or null when absent or malformed.</summary>
    public SipNameAddress? From => _cache.Get(Headers, SipHeaderCache.FromSlot, static h => SipHeaderReader.ReadNameAddress(h, SipHeaderNames.From));

    /// <summary>The To header, or null when absent or malformed.</summary>
    public SipNameAddress? To => _cache.Get(Headers, SipHeaderCache.ToSlot, static h => SipHeaderReader.ReadNameAddress(h, SipHeaderNames.To));

    /// <summary>The Call-ID, or null.</summary>
    public string? CallId => _cache.Get(Headers, SipHeaderCache.CallIdSlot, static h => h.GetFirstCanonical(SipHeaderNames.CallId)?.Trim());

    /// <summary>The CSeq, or null when absent or malformed.</summary>
    public SipCSeq? CSeq => _cache.Get(Headers, SipHeaderCache.CSeqSlot, static h => SipHeaderReader.ReadCSeq(h));

    /// <summary>Max-Forwards (0..255), or null when absent or malformed.</summary>
    public int? MaxForwards => _cache.Get(Headers, SipHeaderCache.MaxForwardsSlot, static h => SipHeaderReader.ReadInteger(h, SipHeaderNames.MaxForwards, 255));

    /// <summary>The Expires header in seconds, or null when absent or malformed; values above int.MaxValue are clamped.</summary>
    public int? Expires => _cache.Get(Headers, SipHeaderCache.ExpiresSlot, static h => SipHeaderReader.ReadDeltaSeconds(h, SipHeaderNames.Expires));

    /// <summary>Content-Length as received, or null.</summary>
    public int? ContentLength => _cache.Get(Headers, SipHeaderCache.ContentLengthSlot, static h => SipHeaderReader.ReadInteger(h, SipHeaderNames.ContentLength, int.MaxValue));

    /// <summary>Content-Type as written (media type with parameters), or null.</summary>
    public string? ContentType => _cache.Get(Headers, SipHeaderCache.ContentTypeSlot, static h => h.GetFirstCanonical(SipHeaderNames.ContentType)?.Trim());

    /// <summary>All Contact values in order ("*" excluded; see <see cref="HasWildcardContact"/>).</summary>
    public IReadOnlyList<SipContact> Contacts => _cache.Get(Headers, SipHeaderCache.ContactsSlot, static h => SipHeaderReader.ReadContacts(h));

    /// <summary>True when the Contact is "*" (RFC 3261 10.2.2, remove all bindings).</summary>
    public bool HasWildcardContact => _cache.Get(Headers, SipHeaderCache.WildcardSlot, static h => SipHeaderReader.HasWildcardContact(h));

    /// <summary>Serializes the message (RFC 3261 7); Content-Length is written from <see cref="Body"/>.</summary>
    public byte[] ToBytes()
    {
        var writer = new ArrayBufferWriter<byte>(256 + Body.Length);
        WriteTo(writer);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>Serializes the message into <paramref name="writer"/>.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        SipMessageWriter.Write(this, writer);
    }

    /// <summary>The start line, for logs ("REGISTER sip:ims.example SIP/2.0" or "SIP/2.0 200 OK").</summary>
    public abstract override string ToString();

    /// <summary>Stores the typed values the parser already validated, so the accessors do not parse them again.</summary>
    internal void PrimeCache(
        IReadOnlyList<SipVia> vias, SipNameAddress from, SipNameAddress to, string callId, SipCSeq cseq, int? maxForwards,
        IReadOnlyList<SipContact> contacts, bool wildcard)
    {
        _cache.Set(Headers, SipHeaderCache.ViasSlot, vias);
        _cache.Set(Headers, SipHeaderCache.FromSlot, from);
        _cache.Set(Headers, SipHeaderCache.ToSlot, to);
        _cache.Set(Headers, SipHeaderCache.CallIdSlot, callId);
        _cache.Set(Headers, SipHeaderCache.CSeqSlot, (SipCSeq?)cseq);
        _cache.Set(Headers, SipHeaderCache.MaxForwardsSlot, maxForwards);
        _cache.Set(Headers, SipHeaderCache.ContactsSlot, contacts);
        _cache.Set(Headers, SipHeaderCache.WildcardSlot, wildcard);
    }

    internal abstract void WriteStartLine(ref SipMessageWriter.Utf8Writer writer);
}
