namespace ImsLab.Sip.Transactions;

/// <summary>
/// Holds the octets of the last responses of completed transactions in a few large slabs instead of an array each.
/// </summary>
/// <remarks>
/// A completed non-INVITE transaction keeps its response for Timer J (32 s over UDP, RFC 3261 17.2.2). As one array per
/// response, at 3,000 registrations/s that was some 190,000 arrays that each survived two garbage collections and were
/// copied by both: the copying set the length of the pauses, and the pauses set the latency. A slab is large enough to
/// live outside the generations that are copied; the responses are written into it one after the other, and since they
/// all live the same time, whole slabs empty out together and are written again. Not thread-safe: the owner locks.
/// </remarks>
internal sealed class SipResponseArena
{
    // Above the large-object threshold (85,000 bytes): never copied by a collection. A UDP response fits in any slab.
    internal const int SlabBytes = 256 * 1024;

    // Empty slabs kept for reuse; more are left to the collector, so an idle server gives back what a load run took.
    private const int SpareSlabs = 2;

    private readonly List<Slab?> _slabs = [];
    private readonly Stack<int> _spare = new();
    private int _current = -1;
    private int _written;

    /// <summary>Number of slabs in use or kept for reuse.</summary>
    public int SlabCount => _slabs.Count(s => s is not null);

    /// <summary>Copies <paramref name="octets"/> in and returns where they are.</summary>
    public SipArenaSlice Store(ReadOnlySpan<byte> octets)
    {
        if (octets.Length > SlabBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(octets), octets.Length, "a response larger than a slab");
        }

        if (_current < 0 || _written + octets.Length > SlabBytes)
        {
            StartSlab();
        }

        var slab = _slabs[_current]!;
        octets.CopyTo(slab.Octets.AsSpan(_written));
        slab.Live++;
        var slice = new SipArenaSlice(_current, _written, octets.Length);
        _written += octets.Length;
        return slice;
    }

    /// <summary>A copy of the octets at <paramref name="slice"/>: a send may outlive the slot, which is written again once freed.</summary>
    public byte[] Copy(SipArenaSlice slice) => _slabs[slice.Slab]!.Octets.AsSpan(slice.Offset, slice.Length).ToArray();

    /// <summary>Frees the octets at <paramref name="slice"/>; a slab whose octets are all freed can be written again.</summary>
    public void Free(SipArenaSlice slice)
    {
        var slab = _slabs[slice.Slab]!;
        if (--slab.Live > 0 || slice.Slab == _current)
        {
            return;
        }

        if (_spare.Count < SpareSlabs)
        {
            _spare.Push(slice.Slab);
        }
        else
        {
            _slabs[slice.Slab] = null;
        }
    }

    private void StartSlab()
    {
        // A slab whose responses were all freed while it was being written is simply written again from the start.
        if (_current < 0 || _slabs[_current]!.Live > 0)
        {
            _current = _spare.TryPop(out var spare) ? spare : AddSlab();
        }

        _written = 0;
    }

    private int AddSlab()
    {
        var slab = new Slab(GC.AllocateUninitializedArray<byte>(SlabBytes));
        var free = _slabs.IndexOf(null);
        if (free < 0)
        {
            _slabs.Add(slab);
            return _slabs.Count - 1;
        }

        _slabs[free] = slab;
        return free;
    }

    private sealed class Slab(byte[] octets)
    {
        public byte[] Octets { get; } = octets;

        public int Live { get; set; }
    }
}
