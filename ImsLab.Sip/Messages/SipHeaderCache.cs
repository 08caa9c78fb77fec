namespace ImsLab.Sip.Messages;

/// <summary>Caches typed header views of one message; an entry is valid while the header list's version is unchanged.</summary>
internal sealed class SipHeaderCache
{
    public const int ViasSlot = 0;
    public const int FromSlot = 1;
    public const int ToSlot = 2;
    public const int CallIdSlot = 3;
    public const int CSeqSlot = 4;
    public const int MaxForwardsSlot = 5;
    public const int ExpiresSlot = 6;
    public const int ContentLengthSlot = 7;
    public const int ContentTypeSlot = 8;
    public const int ContactsSlot = 9;
    public const int WildcardSlot = 10;
    private const int SlotCount = 11;

    private readonly object?[] _values = new object?[SlotCount];
    private readonly int[] _versions = new int[SlotCount];

    public void Set<T>(SipHeaderList headers, int slot, T value)
    {
        _values[slot] = value;
        _versions[slot] = headers.Version + 1;
    }

    public T Get<T>(SipHeaderList headers, int slot, Func<SipHeaderList, T> read)
    {
        // Version 0 is never a cached state: a new list starts at 0 and versions are stored as version + 1.
        var stamp = headers.Version + 1;
        if (_versions[slot] == stamp)
        {
            return (T)_values[slot]!;
        }

        var value = read(headers);
        _values[slot] = value;
        _versions[slot] = stamp;
        return value;
    }
}
