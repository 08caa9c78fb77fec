namespace ImsLab.Sip.Messages;

/// <summary>
/// One typed view of a message's headers, parsed once and valid while the header list's version is unchanged. A field
/// of the message, so caching an int? or a CSeq neither boxes nor allocates a slot array.
/// </summary>
internal struct SipCachedValue<T>
{
    private T _value;

    // The header list version + 1; 0 never matches, so a default slot reads as "not cached".
    private int _stamp;

    public void Set(SipHeaderList headers, T value)
    {
        _value = value;
        _stamp = headers.Version + 1;
    }

    public T Get(SipHeaderList headers, Func<SipHeaderList, T> read)
    {
        var stamp = headers.Version + 1;
        if (_stamp != stamp)
        {
            _value = read(headers);
            _stamp = stamp;
        }

        return _value;
    }
}
