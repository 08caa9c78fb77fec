using ImsLab.Sip.Transport;

namespace ImsLab.Sip.Transactions;

/// <summary>
/// Non-INVITE server transactions over UDP in the Completed state (RFC 3261 17.2.2): for Timer J they only re-send their
/// final response when the request comes again, so that is all that is kept of them: the key, the flow to answer on,
/// the response octets (in a <see cref="SipResponseArena"/>) and the deadline.
/// </summary>
/// <remarks>
/// The transaction object, its lock, its entry in the live table and its response array used to stay for those 32 s,
/// two sets per registration, and the garbage collector copied all of it twice on the way to its oldest generation.
/// </remarks>
internal sealed class SipCompletedTransactionTable
{
    private readonly object _gate = new();
    private readonly Dictionary<SipTransactionKey, Entry> _entries = [];
    private readonly SipResponseArena _arena = new();

    /// <summary>Number of completed transactions waiting for Timer J.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Number of arena slabs in use or kept for reuse.</summary>
    internal int SlabCount
    {
        get
        {
            lock (_gate)
            {
                return _arena.SlabCount;
            }
        }
    }

    /// <summary>Entries the table has room for without growing.</summary>
    internal int Capacity
    {
        get
        {
            lock (_gate)
            {
                return _entries.EnsureCapacity(0);
            }
        }
    }

    /// <summary>Keeps <paramref name="response"/> for retransmissions of the request of <paramref name="key"/> until <paramref name="due"/>.</summary>
    public void Add(SipTransactionKey key, long due, ReadOnlySpan<byte> response, SipFlow? flow)
    {
        lock (_gate)
        {
            if (_entries.Remove(key, out var replaced) && replaced.Response is { } octets)
            {
                _arena.Free(octets);
            }

            // No datagram is larger than a slab; a response that is can never have been sent over UDP, so the
            // transaction only absorbs its retransmissions.
            var storable = response.Length <= SipResponseArena.SlabBytes;
            _entries.Add(key, new Entry(due, storable ? flow : null, storable ? _arena.Store(response) : null));
        }
    }

    /// <summary>True when a completed transaction has <paramref name="key"/>.</summary>
    public bool Contains(SipTransactionKey key)
    {
        lock (_gate)
        {
            return _entries.ContainsKey(key);
        }
    }

    /// <summary>
    /// For a retransmitted request: the final response to send again and where to, or false when no completed
    /// transaction has <paramref name="key"/>. <paramref name="response"/> is null when there is no flow to send on.
    /// </summary>
    public bool TryGetResponse(SipTransactionKey key, out byte[]? response, out SipFlow? flow)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                response = null;
                flow = null;
                return false;
            }

            flow = entry.Flow;
            response = flow is null || entry.Response is not { } octets ? null : _arena.Copy(octets);
            return true;
        }
    }

    /// <summary>Timer J: ends the completed transaction of <paramref name="key"/> if its deadline is <paramref name="due"/>.</summary>
    public bool Expire(SipTransactionKey key, long due)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry) || entry.Due != due)
            {
                return false;
            }

            _entries.Remove(key);
            if (entry.Response is { } octets)
            {
                _arena.Free(octets);
            }
            if (_entries.Count == 0)
            {
                // After a load run the table had room for a quarter of a million transactions: give it back when idle.
                _entries.TrimExcess();
            }

            return true;
        }
    }

    private readonly record struct Entry(long Due, SipFlow? Flow, SipArenaSlice? Response);
}
