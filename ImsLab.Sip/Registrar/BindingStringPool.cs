using System.Collections.Concurrent;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Registrar;

/// <summary>
/// Shares the strings that a million bindings repeat: User-Agent, P-Access-Network-Info, P-Visited-Network-ID, Path
/// entries, feature tags and our own address. Each REGISTER's parser hands out fresh copies of them; keeping one copy
/// per distinct value saves several hundred bytes per registered contact (the registrar is held to 1,000,000
/// contacts in under 2 GB). Bounded: once full, new values are kept as they are, so an attacker sending random
/// User-Agents costs a few hundred kilobytes of pool, not unbounded memory.
/// </summary>
internal sealed class BindingStringPool(int capacity = 16_384)
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

    /// <summary>The binding with its repeated strings pooled (bindings reloaded from the store at start-up).</summary>
    public RegistrationBinding ShareStrings(RegistrationBinding binding) => binding with
    {
        FeatureTags = ShareAll(binding.FeatureTags),
        Path = ShareAll(binding.Path),
        UserAgent = Share(binding.UserAgent),
        AccessNetworkInfo = Share(binding.AccessNetworkInfo),
        VisitedNetwork = Share(binding.VisitedNetwork),
        ScscfUri = Share(binding.ScscfUri)!,
        Flow = binding.Flow with { Transport = Share(binding.Flow.Transport)!, LocalAddress = Share(binding.Flow.LocalAddress)! },
    };
}
