namespace ImsLab.Sip.Parsing;

/// <summary>Where one header field lies in the buffer; produced by <see cref="SipHeaderScanner"/> without allocating.</summary>
/// <param name="NameStart">Offset of the name.</param>
/// <param name="NameLength">Length of the name without trailing whitespace.</param>
/// <param name="ValueStart">Offset of the value, leading whitespace skipped.</param>
/// <param name="ValueLength">Length of the value, trailing whitespace removed; includes continuation lines.</param>
/// <param name="IsFolded">True when the value spans continuation lines that must be unfolded (RFC 3261 7.3.1).</param>
internal readonly record struct SipRawHeader(int NameStart, int NameLength, int ValueStart, int ValueLength, bool IsFolded)
{
    public ReadOnlySpan<byte> Name(ReadOnlySpan<byte> buffer) => buffer.Slice(NameStart, NameLength);

    public ReadOnlySpan<byte> Value(ReadOnlySpan<byte> buffer) => buffer.Slice(ValueStart, ValueLength);
}
