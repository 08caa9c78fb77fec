using ImsLab.Sip.Authentication.Digest;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Sip.Authentication.Digest;

public sealed class DigestNonceStoreTests
{
    [Fact]
    public void NoncesAreUniqueAndRandom()
    {
        var store = new DigestNonceStore(new ManualTimeProvider(), new DigestNonceOptions());

        var nonces = Enumerable.Range(0, 1000).Select(_ => store.Issue("a", "r", DigestAlgorithm.Md5, null)).ToList();

        Assert.Equal(1000, nonces.Distinct().Count());
        Assert.Equal(1000, store.Count);
    }

    [Fact]
    public void MemoryIsCappedByDroppingTheOldest()
    {
        var store = new DigestNonceStore(new ManualTimeProvider(), new DigestNonceOptions { Capacity = 100 });

        var nonces = Enumerable.Range(0, 250).Select(_ => store.Issue("a", "r", DigestAlgorithm.Md5, null)).ToList();

        Assert.True(store.Count <= 100);
        Assert.Null(store.Find(nonces[0]));
        Assert.NotNull(store.Find(nonces[^1]));
    }

    [Fact]
    public void ExpiredNoncesAreSweptWhenNewOnesAreIssued()
    {
        var time = new ManualTimeProvider();
        var store = new DigestNonceStore(time, new DigestNonceOptions { Lifetime = TimeSpan.FromSeconds(10), StaleRetention = TimeSpan.FromSeconds(5) });
        for (int i = 0; i < 50; i++) store.Issue("a", "r", DigestAlgorithm.Md5, null);

        time.Advance(TimeSpan.FromSeconds(15));
        store.Issue("a", "r", DigestAlgorithm.Md5, null);

        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void RevokingAnImpiForgetsEveryNonceOfItAndNoOtherOne()
    {
        var store = new DigestNonceStore(new ManualTimeProvider(), new DigestNonceOptions());
        var md5 = store.Issue("a", "r", DigestAlgorithm.Md5, null);
        var sha256 = store.Issue("a", "r", DigestAlgorithm.Sha256, null);
        var other = store.Issue("b", "r", DigestAlgorithm.Md5, null);

        store.RevokeAll("A");

        Assert.Null(store.Find(md5));
        Assert.Null(store.Find(sha256));
        Assert.NotNull(store.Find(other));
    }

    [Fact]
    public void AkaChallengesNeedAVector()
    {
        var store = new DigestNonceStore(new ManualTimeProvider(), new DigestNonceOptions());

        Assert.Throws<ArgumentNullException>(() => store.Issue("a", "r", DigestAlgorithm.AkaV1Md5, null));
    }

    [Fact]
    public void ConcurrentUsesOfOneNonceAcceptEachNonceCountOnce()
    {
        var time = new ManualTimeProvider();
        var store = new DigestNonceStore(time, new DigestNonceOptions());
        var nonce = store.Find(store.Issue("a", "r", DigestAlgorithm.Md5, null))!;

        var accepted = new int[1];
        Parallel.For(0, 4000, i =>
        {
            if (nonce.TryUse((uint)(i % 1000) + 1, time.GetUtcNow()) == DigestNonceUse.Accepted) Interlocked.Increment(ref accepted[0]);
        });

        Assert.InRange(accepted[0], 1, 1000);
        Assert.Equal(DigestNonceUse.Replay, nonce.TryUse(1000, time.GetUtcNow()));
    }
}
