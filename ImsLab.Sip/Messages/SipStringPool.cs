using System.Collections.Concurrent;

namespace ImsLab.Sip.Messages;

/// <summary>
/// Keeps one copy of strings that many messages repeat (hosts, User-Agents, feature tags...): each parse hands out fresh
/// copies, and what lives long (a binding, a transaction key for Timer J) should not hold one each. Bounded: once full,
/// new values are kept as they are, so an attacker sending random values costs a few hundred kilobytes of pool, not
/// unbounded memory. Thread-safe.
/// </summary>
internal class SipStringPool(int capacity)
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>The pooled instance equal to <paramref name="value"/> (or the value itself when the pool is full).</summary>
    public string? Share(string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (_values.TryGetValue(value, out var shared))
        {
            return shared;
        }
        return _values.Count < capacity ? _values.GetOrAdd(value, value) : value;
    }

    /// <summary>The list with every entry pooled; the same list when it is empty.</summary>
    public IReadOnlyList<string> ShareAll(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return [];
        }
        var shared = new string[values.Count];
        for (var i = 0; i < shared.Length; i++)
        {
            shared[i] = Share(values[i])!;
        }
        return shared;
    }
}
