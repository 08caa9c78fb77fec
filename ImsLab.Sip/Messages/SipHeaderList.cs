using System.Collections;
using System.Runtime.InteropServices;
using System.Text;

namespace ImsLab.Sip.Messages;

/// <summary>
/// The header fields of a message in order, each as received. Lookups use the canonical name: case-insensitive, and
/// compact forms equal long forms (RFC 3261 7.3.1, 7.3.3).
/// </summary>
public sealed class SipHeaderList : IEnumerable<SipHeader>
{
    private readonly List<Entry> _entries;

    // Parsed lines keep their value as a slice of the received message; the string is decoded on first read, so a
    // parse does not pay for values nobody looks at (Authorization, Allow, Security-Verify... in a REGISTER).
    private byte[]? _source;

    /// <summary>Creates an empty list.</summary>
    public SipHeaderList() => _entries = [];

    internal SipHeaderList(int capacity) => _entries = new List<Entry>(capacity);

    /// <summary>Number of header lines.</summary>
    public int Count => _entries.Count;

    /// <summary>Incremented on every change so that typed views can cache what they parsed.</summary>
    internal int Version { get; private set; }

    /// <summary>The header line at <paramref name="index"/>.</summary>
    public SipHeader this[int index] => new(_entries[index].Name, GetValue(index));

    /// <summary>Appends a header line.</summary>
    public void Add(string name, string value)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(value);
        _entries.Add(new Entry(name, SipHeaderNames.Canonicalize(name), value));
        Version++;
    }

    internal void AddParsed(string name, string canonicalName, string value)
    {
        _entries.Add(new Entry(name, canonicalName, value));
        Version++;
    }

    /// <summary>Appends a parsed line whose value is the UTF-8 slice [start, start+length) of the source set by <see cref="AttachSource"/>.</summary>
    internal void AddParsed(string name, string canonicalName, int valueStart, int valueLength)
    {
        // Two calls so that the usual one stores a constant null as the written name, which needs no write barrier.
        if (ReferenceEquals(name, canonicalName))
        {
            _entries.Add(new Entry(canonicalName, valueStart, valueLength));
        }
        else
        {
            _entries.Add(new Entry(name, canonicalName, null, valueStart, valueLength));
        }

        Version++;
    }

    /// <summary>
    /// Appends line <paramref name="index"/> of <paramref name="other"/> under its canonical name. A value still held
    /// as a slice of the received octets stays one here too (the lists then share that read-only copy), so building a
    /// response from its request decodes none of the copied values (RFC 3261 8.2.6.2).
    /// </summary>
    internal void AddCopyOf(SipHeaderList other, int index)
    {
        var entry = other._entries[index];
        if (entry.Value is null && other._source is not null && (_source is null || ReferenceEquals(_source, other._source)))
        {
            _source = other._source;
            _entries.Add(new Entry(entry.CanonicalName, entry.ValueStart, entry.ValueLength));
        }
        else
        {
            _entries.Add(new Entry(entry.CanonicalName, entry.CanonicalName, other.GetValue(index)));
        }

        Version++;
    }

    /// <summary>The received message that holds the values added by offset; the list keeps it, nobody else writes it.</summary>
    internal void AttachSource(byte[] source) => _source = source;

    /// <summary>The value of a line as received octets, when it is still a slice of the source (not decoded, not unfolded).</summary>
    internal bool TryGetRawValue(int index, out ReadOnlySpan<byte> value)
    {
        var entry = _entries[index];
        if (entry.Value is null && _source is not null)
        {
            value = _source.AsSpan(entry.ValueStart, entry.ValueLength);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// The value of line <paramref name="index"/> as characters: ASCII octets still held as a slice of the source are
    /// widened into <paramref name="scratch"/> without allocating; anything else (UTF-8, unfolded, longer than the
    /// scratch) is decoded into the line's string.
    /// </summary>
    internal ReadOnlySpan<char> GetValueChars(int index, Span<char> scratch)
    {
        if (TryGetRawValue(index, out var raw) && raw.Length <= scratch.Length &&
            Ascii.ToUtf16(raw, scratch, out var written) == System.Buffers.OperationStatus.Done)
        {
            return scratch[..written];
        }

        return GetValue(index);
    }

    /// <summary>True when line <paramref name="index"/> is that header (canonical name, as <see cref="SipHeaderNames.Canonicalize"/> gives it).</summary>
    internal bool IsHeader(int index, string canonical) => _entries[index].Is(canonical);

    /// <summary>Inserts a header line at <paramref name="index"/> (0 = first), e.g. a new top Via.</summary>
    public void Insert(int index, string name, string value)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(value);
        _entries.Insert(index, new Entry(name, SipHeaderNames.Canonicalize(name), value));
        Version++;
    }

    /// <summary>Replaces every line of that header by one line with <paramref name="value"/>, at the place of the first.</summary>
    public void Set(string name, string value)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(value);
        var canonical = SipHeaderNames.Canonicalize(name);
        var first = IndexOf(canonical);
        RemoveCanonical(canonical);
        var entry = new Entry(name, canonical, value);
        if (first < 0)
        {
            _entries.Add(entry);
        }
        else
        {
            _entries.Insert(first, entry);
        }

        Version++;
    }

    /// <summary>Removes every line of that header; returns how many were removed.</summary>
    public int Remove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var removed = RemoveCanonical(SipHeaderNames.Canonicalize(name));
        if (removed > 0)
        {
            Version++;
        }

        return removed;
    }

    /// <summary>Removes the line at <paramref name="index"/>.</summary>
    public void RemoveAt(int index)
    {
        _entries.RemoveAt(index);
        Version++;
    }

    /// <summary>Value of the first line of that header, or null.</summary>
    public string? GetFirst(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var index = IndexOf(SipHeaderNames.Canonicalize(name));
        return index < 0 ? null : GetValue(index);
    }

    /// <summary>Value of every line of that header, in order. A line may itself hold several comma-separated values.</summary>
    public IEnumerable<string> GetAll(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var canonical = SipHeaderNames.Canonicalize(name);
        // foreach keeps List's check against changes during enumeration; decoding a value in place is not a change.
        var index = 0;
        foreach (var entry in _entries)
        {
            if (entry.Is(canonical))
            {
                yield return GetValue(index);
            }

            index++;
        }
    }

    /// <summary>True when at least one line of that header is present.</summary>
    public bool Contains(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IndexOf(SipHeaderNames.Canonicalize(name)) >= 0;
    }

    /// <summary>Number of lines of that header.</summary>
    public int CountOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var canonical = SipHeaderNames.Canonicalize(name);
        var count = 0;
        foreach (var entry in _entries)
        {
            if (entry.Is(canonical))
            {
                count++;
            }
        }

        return count;
    }

    /// <inheritdoc />
    public IEnumerator<SipHeader> GetEnumerator()
    {
        var index = 0;
        foreach (var entry in _entries)
        {
            yield return new SipHeader(entry.Name, GetValue(index++));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal string GetCanonicalName(int index) => CollectionsMarshal.AsSpan(_entries)[index].CanonicalName;

    internal string GetValue(int index)
    {
        // Not synchronised: a message is used by one flow at a time (see SipMessage); a race would only decode twice.
        ref var entry = ref CollectionsMarshal.AsSpan(_entries)[index];
        return entry.Value ??= entry.ValueLength == 0 ? string.Empty : Encoding.UTF8.GetString(_source!, entry.ValueStart, entry.ValueLength);
    }

    internal string? GetFirstCanonical(string canonical)
    {
        var index = IndexOf(canonical);
        return index < 0 ? null : GetValue(index);
    }

    internal int IndexOf(string canonical)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Is(canonical))
            {
                return i;
            }
        }

        return -1;
    }

    internal SipHeaderList Clone()
    {
        var copy = new SipHeaderList(_entries.Count);
        copy._entries.AddRange(_entries);
        copy._source = _source;
        return copy;
    }

    private int RemoveCanonical(string canonical) => _entries.RemoveAll(e => e.Is(canonical));

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (var c in name)
        {
            if (!SipGrammar.IsTokenChar(c))
            {
                SipThrowHelper.ThrowInvalidHeaderName(name, nameof(name));
            }
        }
    }

    /// <summary>One line; <see cref="Value"/> is null until a value held as a slice of the source is first read.</summary>
    private struct Entry
    {
        public readonly string CanonicalName;
        public readonly int ValueStart;
        public readonly int ValueLength;
        public string? Value;

        // Null when the name was written as its canonical form, nearly always: a parse then stores one reference per
        // line instead of two, and every reference stored into the array costs a GC write barrier.
        private readonly string? _writtenName;

        public Entry(string name, string canonicalName, string? value, int valueStart = 0, int valueLength = 0)
        {
            CanonicalName = canonicalName;
            ValueStart = valueStart;
            ValueLength = valueLength;
            Value = value;
            _writtenName = ReferenceEquals(name, canonicalName) ? null : name;
        }

        /// <summary>A parsed line whose name was written in canonical form, its value still a slice of the source.</summary>
        public Entry(string canonicalName, int valueStart, int valueLength)
        {
            CanonicalName = canonicalName;
            ValueStart = valueStart;
            ValueLength = valueLength;
            Value = null;
            _writtenName = null;
        }

        public readonly string Name => _writtenName ?? CanonicalName;

        // Known names are shared instances, so a lookup usually ends at the reference or the length; only names of the
        // same length go on to the case-insensitive comparison that unknown headers need.
        public readonly bool Is(string canonical) =>
            ReferenceEquals(CanonicalName, canonical) ||
            (CanonicalName.Length == canonical.Length && string.Equals(CanonicalName, canonical, StringComparison.OrdinalIgnoreCase));
    }
}
