using System.Collections;

namespace ImsLab.Sip.Messages;

/// <summary>
/// The header fields of a message in order, each as received. Lookups use the canonical name: case-insensitive, and
/// compact forms equal long forms (RFC 3261 7.3.1, 7.3.3).
/// </summary>
public sealed class SipHeaderList : IEnumerable<SipHeader>
{
    private readonly List<Entry> _entries;

    /// <summary>Creates an empty list.</summary>
    public SipHeaderList() => _entries = [];

    internal SipHeaderList(int capacity) => _entries = new List<Entry>(capacity);

    /// <summary>Number of header lines.</summary>
    public int Count => _entries.Count;

    /// <summary>Incremented on every change so that typed views can cache what they parsed.</summary>
    internal int Version { get; private set; }

    /// <summary>The header line at <paramref name="index"/>.</summary>
    public SipHeader this[int index] => _entries[index].ToHeader();

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
        return index < 0 ? null : _entries[index].Value;
    }

    /// <summary>Value of every line of that header, in order. A line may itself hold several comma-separated values.</summary>
    public IEnumerable<string> GetAll(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var canonical = SipHeaderNames.Canonicalize(name);
        foreach (var entry in _entries)
        {
            if (entry.Is(canonical))
            {
                yield return entry.Value;
            }
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
        foreach (var entry in _entries)
        {
            yield return entry.ToHeader();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal string GetCanonicalName(int index) => _entries[index].CanonicalName;

    internal IEnumerable<(string CanonicalName, string Name, string Value)> EnumerateCanonical()
    {
        foreach (var entry in _entries)
        {
            yield return (entry.CanonicalName, entry.Name, entry.Value);
        }
    }

    internal string? GetFirstCanonical(string canonical)
    {
        var index = IndexOf(canonical);
        return index < 0 ? null : _entries[index].Value;
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

    private readonly record struct Entry(string Name, string CanonicalName, string Value)
    {
        public bool Is(string canonical) =>
            ReferenceEquals(CanonicalName, canonical) || string.Equals(CanonicalName, canonical, StringComparison.OrdinalIgnoreCase);

        public SipHeader ToHeader() => new(Name, Value);
    }
}
