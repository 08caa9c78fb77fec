using System.Collections;
using System.Text;

namespace ImsLab.Sip.Messages;

/// <summary>
/// The header fields of a message in order, each as received. Lookups use the canonical name: case-insensitive, and
/// compact forms equal long forms (RFC 3261 7.3.1, 7.3.3).
/// </summary>
/// <remarks>
/// The table holds no references: a known name is its id in <see cref="SipHeaderNames"/>, a parsed value is a slice of
/// the received message. A parse therefore fills it with plain integer writes (no GC write barriers) into entries a
/// third the size of a reference-holding row. Strings (unknown or differently written names, decoded or added values)
/// live in two side arrays, made only when a line needs one.
/// </remarks>
public sealed class SipHeaderList : IEnumerable<SipHeader>
{
    private Entry[] _entries;
    private int _count;

    // Parsed lines keep their value as a slice of the received message; the string is decoded on first read, so a
    // parse does not pay for values nobody looks at (Authorization, Allow, Security-Verify... in a REGISTER).
    private byte[]? _source;

    // Per line: the name as written when it is not the known canonical name, or the name of an unknown header.
    private string?[]? _names;

    // Per line: the value as a string, once decoded, or as added.
    private string?[]? _values;

    /// <summary>Creates an empty list.</summary>
    public SipHeaderList()
        : this(8)
    {
    }

    internal SipHeaderList(int capacity) => _entries = new Entry[capacity];

    /// <summary>Number of header lines.</summary>
    public int Count => _count;

    /// <summary>Incremented on every change so that typed views can cache what they parsed.</summary>
    internal int Version { get; private set; }

    /// <summary>The header line at <paramref name="index"/>.</summary>
    public SipHeader this[int index] => new(GetWrittenName(CheckIndex(index)), GetValue(index));

    /// <summary>Appends a header line.</summary>
    public void Add(string name, string value)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(value);
        InsertLine(_count, name, value);
    }

    /// <summary>Appends a parsed line whose value had to be decoded (it was folded over several lines).</summary>
    internal void AddParsed(int knownId, string? writtenName, string value)
    {
        var index = Append(new Entry(knownId, -1, 0));
        SetName(index, writtenName);
        SetValue(index, value);
    }

    /// <summary>
    /// Appends a parsed line whose value is the UTF-8 slice [start, start+length) of the source set by
    /// <see cref="AttachSource"/>. <paramref name="writtenName"/> is null when the name was written as the known
    /// canonical name <paramref name="knownId"/>, nearly always.
    /// </summary>
    internal void AddParsed(int knownId, string? writtenName, int valueStart, int valueLength)
    {
        SetName(Append(new Entry(knownId, valueStart, valueLength)), writtenName);
    }

    /// <summary>
    /// Appends line <paramref name="index"/> of <paramref name="other"/> under its canonical name. A value still held
    /// as a slice of the received octets stays one here too (the lists then share that read-only copy), so building a
    /// response from its request decodes none of the copied values (RFC 3261 8.2.6.2).
    /// </summary>
    internal void AddCopyOf(SipHeaderList other, int index)
    {
        var entry = other._entries[other.CheckIndex(index)];
        var canonical = entry.KnownId >= 0 ? null : other._names![index];
        if (entry.IsSlice && other._source is not null && (_source is null || ReferenceEquals(_source, other._source)))
        {
            _source = other._source;
            var copy = Append(entry);
            SetName(copy, canonical);
            if (other._values?[index] is { } decoded)
            {
                SetValue(copy, decoded);
            }
        }
        else
        {
            var copy = Append(new Entry(entry.KnownId, -1, 0));
            SetName(copy, canonical);
            SetValue(copy, other.GetValue(index));
        }
    }

    /// <summary>The received message that holds the values added by offset; the list keeps it, nobody else writes it.</summary>
    internal void AttachSource(byte[] source) => _source = source;

    /// <summary>The value of a line as received octets, when it is a slice of the source (not unfolded, not added as a string).</summary>
    internal bool TryGetRawValue(int index, out ReadOnlySpan<byte> value)
    {
        var entry = _entries[CheckIndex(index)];
        if (entry.IsSlice && _source is not null)
        {
            value = _source.AsSpan(entry.ValueStart, entry.ValueLength);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// The value of line <paramref name="index"/> as characters: ASCII octets held as a slice of the source are widened
    /// into <paramref name="scratch"/> without allocating; anything else (UTF-8, unfolded, longer than the scratch) is
    /// decoded into the line's string.
    /// </summary>
    internal ReadOnlySpan<char> GetValueChars(int index, Span<char> scratch)
    {
        if (_values?[index] is { } decoded)
        {
            return decoded;
        }

        if (TryGetRawValue(index, out var raw) && raw.Length <= scratch.Length &&
            Ascii.ToUtf16(raw, scratch, out var written) == System.Buffers.OperationStatus.Done)
        {
            return scratch[..written];
        }

        return GetValue(index);
    }

    /// <summary>The id of line <paramref name="index"/>'s header in <see cref="SipHeaderNames"/>, or -1 for an unknown header.</summary>
    internal int KnownIdAt(int index) => _entries[CheckIndex(index)].KnownId;

    /// <summary>Inserts a header line at <paramref name="index"/> (0 = first), e.g. a new top Via.</summary>
    public void Insert(int index, string name, string value)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)index, (uint)_count, nameof(index));
        InsertLine(index, name, value);
    }

    /// <summary>Replaces every line of that header by one line with <paramref name="value"/>, at the place of the first.</summary>
    public void Set(string name, string value)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(value);
        var query = new Query(SipHeaderNames.Canonicalize(name));
        var first = IndexOf(query);
        RemoveAll(query);
        InsertLine(first < 0 ? _count : first, name, value);
    }

    /// <summary>Removes every line of that header; returns how many were removed.</summary>
    public int Remove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var removed = RemoveAll(new Query(SipHeaderNames.Canonicalize(name)));
        if (removed > 0)
        {
            Version++;
        }

        return removed;
    }

    /// <summary>Removes the line at <paramref name="index"/>.</summary>
    public void RemoveAt(int index)
    {
        CheckIndex(index);
        ShiftDown(index);
        Version++;
    }

    /// <summary>Value of the first line of that header, or null.</summary>
    public string? GetFirst(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var index = IndexOf(new Query(SipHeaderNames.Canonicalize(name)));
        return index < 0 ? null : GetValue(index);
    }

    /// <summary>Value of every line of that header, in order. A line may itself hold several comma-separated values.</summary>
    public IEnumerable<string> GetAll(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var query = new Query(SipHeaderNames.Canonicalize(name));
        var version = Version;
        for (var i = 0; i < _count; i++)
        {
            ThrowIfChangedSince(version);
            if (Matches(i, query))
            {
                yield return GetValue(i);
            }
        }
    }

    /// <summary>True when at least one line of that header is present.</summary>
    public bool Contains(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IndexOf(new Query(SipHeaderNames.Canonicalize(name))) >= 0;
    }

    /// <summary>Number of lines of that header.</summary>
    public int CountOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var query = new Query(SipHeaderNames.Canonicalize(name));
        var count = 0;
        for (var i = 0; i < _count; i++)
        {
            if (Matches(i, query))
            {
                count++;
            }
        }

        return count;
    }

    /// <inheritdoc />
    public IEnumerator<SipHeader> GetEnumerator()
    {
        var version = Version;
        for (var i = 0; i < _count; i++)
        {
            ThrowIfChangedSince(version);
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The canonical name of line <paramref name="index"/>: the known long name, or an unknown header's name as received.</summary>
    internal string GetCanonicalName(int index)
    {
        var knownId = _entries[CheckIndex(index)].KnownId;
        return knownId >= 0 ? SipHeaderNames.NameOf(knownId) : _names![index]!;
    }

    internal string GetValue(int index)
    {
        // Not synchronised: a message is used by one flow at a time (see SipMessage); a race would only decode twice.
        var entry = _entries[CheckIndex(index)];
        if (_values?[index] is { } value)
        {
            return value;
        }

        value = entry.ValueLength == 0 ? string.Empty : Encoding.UTF8.GetString(_source!, entry.ValueStart, entry.ValueLength);
        (_values ??= new string?[_entries.Length])[index] = value;
        return value;
    }

    internal string? GetFirstCanonical(string canonical)
    {
        var index = IndexOf(canonical);
        return index < 0 ? null : GetValue(index);
    }

    internal int IndexOf(string canonical) => IndexOf(new Query(canonical));

    internal SipHeaderList Clone()
    {
        var copy = new SipHeaderList(Math.Max(_count, 1));
        Array.Copy(_entries, copy._entries, _count);
        copy._count = _count;
        copy._source = _source;
        copy._names = _names is null ? null : CopyOf(_names, copy._entries.Length);
        copy._values = _values is null ? null : CopyOf(_values, copy._entries.Length);
        return copy;
    }

    private static string?[] CopyOf(string?[] lines, int length)
    {
        var copy = new string?[length];
        Array.Copy(lines, copy, Math.Min(lines.Length, length));
        return copy;
    }

    private string GetWrittenName(int index) => _names?[index] ?? SipHeaderNames.NameOf(_entries[index].KnownId);

    private int IndexOf(Query query)
    {
        for (var i = 0; i < _count; i++)
        {
            if (Matches(i, query))
            {
                return i;
            }
        }

        return -1;
    }

    // Known names compare by id; an unknown header's name compares case-insensitively with the query's.
    private bool Matches(int index, Query query)
    {
        var knownId = _entries[index].KnownId;
        return knownId >= 0
            ? knownId == query.KnownId
            : query.KnownId < 0 && string.Equals(_names![index], query.Name, StringComparison.OrdinalIgnoreCase);
    }

    private void InsertLine(int index, string name, string value)
    {
        var knownId = SipHeaderNames.TryGetId(name, out var id) ? id : -1;
        var written = knownId >= 0 && string.Equals(name, SipHeaderNames.NameOf(knownId), StringComparison.Ordinal) ? null : name;
        if (index == _count)
        {
            index = Append(new Entry(knownId, -1, 0));
        }
        else
        {
            ShiftUp(index);
            _entries[index] = new Entry(knownId, -1, 0);
        }

        SetName(index, written);
        SetValue(index, value);
    }

    private int Append(Entry entry)
    {
        if (_count == _entries.Length)
        {
            Grow();
        }

        _entries[_count] = entry;
        Version++;
        return _count++;
    }

    private void Grow()
    {
        var length = Math.Max(4, _entries.Length * 2);
        Array.Resize(ref _entries, length);
        if (_names is not null)
        {
            Array.Resize(ref _names, length);
        }

        if (_values is not null)
        {
            Array.Resize(ref _values, length);
        }
    }

    // Opens a free line at index (the side arrays shift with the entries); the caller fills it.
    private void ShiftUp(int index)
    {
        if (_count == _entries.Length)
        {
            Grow();
        }

        Array.Copy(_entries, index, _entries, index + 1, _count - index);
        if (_names is not null)
        {
            Array.Copy(_names, index, _names, index + 1, _count - index);
            _names[index] = null;
        }

        if (_values is not null)
        {
            Array.Copy(_values, index, _values, index + 1, _count - index);
            _values[index] = null;
        }

        _count++;
        Version++;
    }

    private void ShiftDown(int index)
    {
        _count--;
        Array.Copy(_entries, index + 1, _entries, index, _count - index);
        if (_names is not null)
        {
            Array.Copy(_names, index + 1, _names, index, _count - index);
            _names[_count] = null;
        }

        if (_values is not null)
        {
            Array.Copy(_values, index + 1, _values, index, _count - index);
            _values[_count] = null;
        }
    }

    private int RemoveAll(Query query)
    {
        var removed = 0;
        for (var i = _count - 1; i >= 0; i--)
        {
            if (Matches(i, query))
            {
                ShiftDown(i);
                removed++;
            }
        }

        return removed;
    }

    private void SetName(int index, string? name)
    {
        if (name is not null)
        {
            (_names ??= new string?[_entries.Length])[index] = name;
        }
    }

    private void SetValue(int index, string value) => (_values ??= new string?[_entries.Length])[index] = value;

    // As List's enumerator: a change during enumeration is a bug of the caller. Decoding a value is not a change.
    private void ThrowIfChangedSince(int version)
    {
        if (version != Version)
        {
            throw new InvalidOperationException("The header list changed during enumeration.");
        }
    }

    private int CheckIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        return index;
    }

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

    /// <summary>A canonical name looked up once: its known id, or -1 and the name for an unknown header.</summary>
    private readonly struct Query(string canonical)
    {
        public readonly int KnownId = SipHeaderNames.TryGetId(canonical, out var id) ? id : -1;

        public readonly string Name = canonical;
    }

    /// <summary>One line: the known name's id (-1: the name is in the side array) and where the value lies in the source (-1: a string).</summary>
    private readonly struct Entry(int knownId, int valueStart, int valueLength)
    {
        public readonly int KnownId = knownId;
        public readonly int ValueStart = valueStart;
        public readonly int ValueLength = valueLength;

        public bool IsSlice => ValueStart >= 0;
    }
}
