namespace ImsLab.Data.Access;

/// <summary>
/// Failed logins under names no account has, counted as an account's are: after <see cref="AccessOptions.MaxFailedLogins"/>
/// such failures the name answers "locked" for <see cref="AccessOptions.LockoutDuration"/>, exactly as a real account
/// would. Without this, trying a name six times told an attacker whether it exists (a real account answers locked, an
/// unknown one keeps answering invalid credentials): the user enumeration the OWASP Authentication Cheat Sheet warns of.
/// The counts live in memory only; a restart forgets them, as it should forget nothing real.
/// </summary>
internal sealed class UnknownUsernameLockout(AccessOptions options, int capacity = UnknownUsernameLockout.DefaultCapacity)
{
    /// <summary>Names tracked at most: a flood of made-up names cannot grow the server's memory without bound.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Tally> _names = new(StringComparer.Ordinal);

    /// <summary>When <paramref name="name"/> is locked at <paramref name="now"/>, until when; otherwise null.</summary>
    public DateTimeOffset? LockedUntil(string name, DateTimeOffset now)
    {
        lock (_lock)
        {
            return _names.TryGetValue(name, out var tally) && tally.LockedUntil > now ? tally.LockedUntil : null;
        }
    }

    /// <summary>Counts a failure; returns until when the name is now locked, or null while it is not.</summary>
    public DateTimeOffset? RecordFailure(string name, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_names.TryGetValue(name, out var tally))
            {
                if (_names.Count >= capacity) Forget(now);
                tally = new Tally();
                _names[name] = tally;
            }
            tally.Failures++;
            if (tally.Failures < options.MaxFailedLogins) return null;
            // As AccessStore does for an account: the count starts again once the lock is set.
            tally.Failures = 0;
            tally.LockedUntil = now + options.LockoutDuration;
            return tally.LockedUntil;
        }
    }

    /// <summary>Makes room: drops the names not locked now, and when every one is locked, all of them.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (name, tally) in _names)
        {
            if (tally.LockedUntil is not { } until || until <= now) _names.Remove(name);
        }
        // Only someone locking out thousands of made-up names fills the table with locks; releasing them early gives
        // that someone nothing they did not have before trying.
        if (_names.Count >= capacity) _names.Clear();
    }

    private sealed class Tally
    {
        public int Failures;
        public DateTimeOffset? LockedUntil;
    }
}
