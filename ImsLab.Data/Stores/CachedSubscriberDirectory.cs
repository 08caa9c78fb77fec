using ImsLab.Data.Provisioning;
using ImsLab.Sip.Subscribers;
using Microsoft.Extensions.Caching.Memory;

namespace ImsLab.Data.Stores;

/// <summary>
/// The <see cref="ISubscriberDirectory"/> the registrar uses: profiles (and "unknown" answers) by IMPI and IMPU in
/// a size-bounded memory cache. Provisioning calls <see cref="Invalidate"/> for every IMPI and IMPU it touches. A
/// load that started before an invalidation is not cached (generation check), so a stale profile never sticks.
/// The expiry is only a safety net for changes made by another process sharing the PostgreSQL database.
/// </summary>
internal sealed class CachedSubscriberDirectory : ISubscriberDirectory, IDisposable
{
    // Profiles live 4 to 6 minutes, spread by key: a burst of first registrations (a bulk import, a restart) loads
    // thousands of profiles within seconds, and one fixed lifetime made them all expire together, a storm of misses
    // in the middle of the refreshes five minutes later.
    private static readonly TimeSpan ShortestLifetime = TimeSpan.FromMinutes(4);
    private const int LifetimeSpreadSeconds = 120;
    private static readonly TimeSpan UnknownLifetime = TimeSpan.FromSeconds(30);

    private readonly SubscriberDirectory _inner;
    private readonly MemoryCache _cache;
    private readonly Lock _gate = new();
    private long _generation;

    public CachedSubscriberDirectory(SubscriberDirectory inner, int capacity)
    {
        _inner = inner;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.1 });
    }

    public int Count => _cache.Count;

    public async ValueTask<SubscriberProfile?> FindByImpiAsync(string impi, CancellationToken cancellationToken)
    {
        var key = ImpiKey(impi);
        if (_cache.TryGetValue(key, out SubscriberProfile? cached)) return cached;
        var generation = Volatile.Read(ref _generation);
        var profile = await _inner.FindByImpiAsync(impi, cancellationToken);
        Store(key, profile, profile is null, generation);
        return profile;
    }

    public async ValueTask<ImpuLookupResult> FindByImpuAsync(string impu, CancellationToken cancellationToken)
    {
        var key = ImpuKey(impu);
        if (_cache.TryGetValue(key, out ImpuLookupResult? cached)) return cached!;
        var generation = Volatile.Read(ref _generation);
        var result = await _inner.FindByImpuAsync(impu, cancellationToken);
        Store(key, result, result.Outcome == ImpuLookupOutcome.NotFound, generation);
        if (result.Profile is { } profile)
        {
            // The REGISTER after the challenge names the IMPI: it finds the profile this lookup already loaded.
            Store(ImpiKey(profile.Impi), profile, unknown: false, generation);
        }
        return result;
    }

    /// <summary>Forgets everything cached about these IMPIs and IMPUs (old and new values of a change).</summary>
    public void Invalidate(IEnumerable<string> impis, IEnumerable<string> impus)
    {
        lock (_gate)
        {
            _generation++;
            foreach (var impi in impis) _cache.Remove(ImpiKey(impi));
            foreach (var impu in impus) _cache.Remove(ImpuKey(impu));
        }
    }

    /// <summary>Forgets everything (bulk import, demo seed).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _generation++;
            _cache.Compact(1.0);
        }
    }

    public void Dispose() => _cache.Dispose();

    private static string ImpiKey(string impi) => "impi:" + (IdentityFormat.NormalizeImpi(impi) ?? impi);

    private static string ImpuKey(string impu) => "impu:" + (IdentityFormat.NormalizeImpu(impu) ?? impu);

    /// <summary>How long a profile cached under <paramref name="key"/> lives: a fixed point of the spread for each key.</summary>
    internal static TimeSpan LifetimeOf(string key)
    {
        // FNV-1a: string.GetHashCode differs between runs, and the spread should not.
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return ShortestLifetime + TimeSpan.FromSeconds(hash % LifetimeSpreadSeconds);
    }

    private void Store<T>(string key, T value, bool unknown, long generation)
    {
        // Under the lock, so an invalidation cannot slip between the generation check and the insert.
        lock (_gate)
        {
            if (_generation != generation) return;
            _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = unknown ? UnknownLifetime : LifetimeOf(key) });
        }
    }
}
