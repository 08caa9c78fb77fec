namespace ImsLab.Sip.Transactions;

/// <summary>
/// The 64*T1 deadlines of non-INVITE server transactions: Timer J over UDP (RFC 3261 17.2.2) and the guard that frees a
/// transaction its handler never answered (the client's Timer F, 17.1.2.2, has the same value). All of them are the
/// same delay, so they fall due in the order they were set, and a first-in first-out queue with one timer armed for
/// its head does the work of a timer per transaction. At 4,000 registrations/s that was some 250,000 live timers of
/// three objects each, all of which the garbage collector carried into its oldest generation.
/// </summary>
/// <remarks>
/// Under load the deadlines are a fraction of a millisecond apart. Armed for each next one, the timer fired about a
/// thousand times a second, and each firing woke a thread-pool thread: the pool's workers then never went to sleep
/// and spun (a profile of the idle server right after a run at 3,000 registrations/s showed it burning over a core
/// for the 32 s that the last transactions still lived). So once the queue is running, the timer waits at least
/// <see cref="Coalescing"/> (1/64 of the delay: T1 for Timer J) and frees every deadline that fell due meanwhile in
/// one go. A transaction then lives up to T1 beyond 64*T1; RFC 3261 17.2.2 asks only that it live at least that long
/// to absorb retransmissions, and the guard for an unanswered request is a limit of the same tolerance.
/// </remarks>
internal sealed class SipTransactionExpiryQueue : IDisposable
{
    private const long Idle = long.MaxValue;

    private readonly object _gate = new();
    private readonly Queue<(long Due, SipTransactionKey Key)> _queue = new();
    private readonly Action<SipTransactionKey, long> _onDue;
    private readonly TimeProvider _time;
    private readonly long _delay;
    private readonly ITimer _timer;
    private long _armedFor = Idle;
    private bool _disposed;

    public SipTransactionExpiryQueue(TimeProvider time, TimeSpan delay, Action<SipTransactionKey, long> onDue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        _time = time;
        _onDue = onDue;
        Delay = delay;
        // Monotonic timestamps: a wall-clock step must neither free transactions early nor keep them for an hour.
        _delay = (long)(delay.Ticks * (double)time.TimestampFrequency / TimeSpan.TicksPerSecond);
        _timer = time.CreateTimer(static s => ((SipTransactionExpiryQueue)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The one delay every deadline in this queue has.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The least time between two firings of the timer while deadlines are waiting.</summary>
    public TimeSpan Coalescing => Delay / 64;

    /// <summary>Number of deadlines waiting, including those a later one has superseded.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>
    /// Sets a deadline <see cref="Delay"/> from now for the transaction of <paramref name="key"/> and returns it. The
    /// queue holds the key, not the transaction: a transaction that completes early is not kept alive by the deadline
    /// set on its arrival. Whoever has the key when it falls due hears of it, and ignores a deadline that is not its own.
    /// </summary>
    public long Add(SipTransactionKey key)
    {
        var due = _time.GetTimestamp() + _delay;
        lock (_gate)
        {
            if (_disposed)
            {
                return due;
            }

            _queue.Enqueue((due, key));
            if (_armedFor == Idle)
            {
                // Deadlines only ever come later than the head, so the timer needs arming only when the queue was empty.
                _armedFor = due;
                _timer.Change(Delay, Timeout.InfiniteTimeSpan);
            }
        }

        return due;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _queue.Clear();
            _armedFor = Idle;
        }

        _timer.Dispose();
    }

    private void OnTimer()
    {
        List<(long Due, SipTransactionKey Key)>? expired = null;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            while (_queue.TryPeek(out var head) && head.Due <= now)
            {
                (expired ??= []).Add(_queue.Dequeue());
            }

            if (_queue.TryPeek(out var next) && !_disposed)
            {
                _armedFor = next.Due;
                var wait = _time.GetElapsedTime(now, next.Due);
                _timer.Change(wait < Coalescing ? Coalescing : wait, Timeout.InfiniteTimeSpan);
            }
            else
            {
                _armedFor = Idle;
                _queue.TrimExcess();
            }
        }

        // Outside the lock: an expiring transaction takes its own lock and leaves the transaction table.
        if (expired is not null)
        {
            foreach (var (due, key) in expired)
            {
                _onDue(key, due);
            }
        }
    }
}
