using ImsLab.Data.Stores;

namespace ImsLab.Tests.Data.Stores;

public sealed class CachedSubscriberDirectoryTests
{
    [Fact]
    public void ProfilesLoadedTogetherExpireOverTwoMinutesNotAtOnce()
    {
        var lifetimes = Enumerable.Range(1, 10_000)
            .Select(i => CachedSubscriberDirectory.LifetimeOf($"impu:sip:u{i:D5}@perf.test"))
            .ToList();

        Assert.All(lifetimes, lifetime => Assert.InRange(lifetime, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6)));
        // Spread over the whole window: no second of it takes more than a few percent of a burst's profiles.
        var perSecond = lifetimes.GroupBy(l => l.TotalSeconds).ToList();
        Assert.True(perSecond.Count >= 110, $"only {perSecond.Count} distinct expiry seconds");
        Assert.True(perSecond.Max(g => g.Count()) < 300, $"{perSecond.Max(g => g.Count())} profiles expire in the same second");
    }

    [Fact]
    public void AKeyAlwaysGetsTheSameLifetime() =>
        Assert.Equal(
            CachedSubscriberDirectory.LifetimeOf("impi:u00001@perf.test"),
            CachedSubscriberDirectory.LifetimeOf("impi:u00001@perf.test"));
}
