namespace ImsLab.Tests.Support;

/// <summary>
/// A clock that moves only when a test says so. Timers created through it fire, in due-time order and on the
/// calling thread, when <see cref="Advance"/> moves the clock past their due time, so timer tests need no sleeps.
/// (Microsoft.Extensions.TimeProvider.Testing is not in this machine's NuGet mirror.)
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<(TimeSpan DueIn, TaskCompletionSource Armed)> _armingWaiters = [];
    private DateTimeOffset _now = start;
    private long _ticks;

    public ManualTimeProvider() : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow() { lock (_gate) return _now; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() { lock (_gate) return _ticks; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Number of timers currently armed; lets a test check that a component cleaned up after itself.</summary>
    public int ActiveTimerCount { get { lock (_gate) return _timers.Count(t => t.DueAt is not null); } }

    /// <summary>
    /// Completes the next time a timer is armed to fall due <paramref name="dueIn"/> from then: how a test knows that a
    /// component reacted to its input (a connection re-arming its idle timer on reading) before it moves the clock.
    /// </summary>
    public Task NextArmingAsync(TimeSpan dueIn)
    {
        var armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _armingWaiters.Add((dueIn, armed));
        return armed.Task;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, each at its own due time.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate) target = _now + by;

        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt is { } due && due <= target).MinBy(t => t.DueAt);
                if (next is null)
                {
                    _ticks += (target - _now).Ticks;
                    _now = target;
                    return;
                }
                _ticks += (next.DueAt!.Value - _now).Ticks;
                _now = next.DueAt!.Value;
                next.DueAt = next.Period > TimeSpan.Zero ? _now + next.Period : null;
            }
            next.Fire();
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }
        public TimeSpan Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            List<TaskCompletionSource> armed;
            lock (owner._gate)
            {
                if (!owner._timers.Contains(this)) owner._timers.Add(this);
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                armed = owner._armingWaiters.Where(w => w.DueIn == dueTime).Select(w => w.Armed).ToList();
                owner._armingWaiters.RemoveAll(w => w.DueIn == dueTime);
            }
            armed.ForEach(a => a.TrySetResult());
            return true;
        }

        public void Dispose() { lock (owner._gate) owner._timers.Remove(this); }

        public ValueTask DisposeAsync() { Dispose(); return ValueTask.CompletedTask; }
    }
}
