using ImsLab.Sip.Authentication.Aka;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Sip.Authentication.Aka;

public sealed class SequenceNumberAllocatorTests
{
    private const string Impi = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";

    [Fact]
    public async Task EachSqnIsSeqFollowedByIndEqualToSeqModuloTheArraySize()
    {
        var allocator = new SequenceNumberAllocator(new InMemorySequenceNumberStore(), new SequenceNumberOptions { IndBits = 5 });

        long first = await allocator.NextSqnAsync(Impi, default);
        long second = await allocator.NextSqnAsync(Impi, default);

        Assert.Equal((1L << 5) | 1, first);
        Assert.Equal((2L << 5) | 2, second);
    }

    [Fact]
    public async Task BlocksHitStorageOncePerBlockAndNeverRepeatASqn()
    {
        var store = new InMemorySequenceNumberStore();
        var allocator = new SequenceNumberAllocator(store, new SequenceNumberOptions { BlockSize = 32 });

        var sqns = new List<long>();
        for (int i = 0; i < 70; i++) sqns.Add(await allocator.NextSqnAsync(Impi, default));

        Assert.Equal(3, store.ReserveCalls);
        Assert.Equal(sqns.Count, sqns.Distinct().Count());
        Assert.Equal(sqns.Order(), sqns);
    }

    [Fact]
    public async Task ConcurrentCallersNeverShareASqn()
    {
        var allocator = new SequenceNumberAllocator(new InMemorySequenceNumberStore(), new SequenceNumberOptions { BlockSize = 7 });

        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (int i = 0; i < 200; i++) mine.Add(await allocator.NextSqnAsync(Impi, default));
            return mine;
        })));

        Assert.Equal(1600, all.SelectMany(x => x).Distinct().Count());
    }

    [Fact]
    public async Task ResynchronisationMovesPastSqnMsAndDropsTheCachedBlock()
    {
        var store = new InMemorySequenceNumberStore();
        var allocator = new SequenceNumberAllocator(store, new SequenceNumberOptions { BlockSize = 32 });
        await allocator.NextSqnAsync(Impi, default);
        long sqnMs = SequenceNumber.Compose(1000, 8, 5);

        await allocator.ResynchronizeAsync(Impi, sqnMs, default);
        long next = await allocator.NextSqnAsync(Impi, default);

        Assert.Equal(1001, SequenceNumber.Seq(next, 5));
        Assert.True(next > sqnMs);
    }

    [Fact]
    public async Task ResynchronisationNeverLowersTheCounter()
    {
        var store = new InMemorySequenceNumberStore();
        var allocator = new SequenceNumberAllocator(store, new SequenceNumberOptions());
        for (int i = 0; i < 10; i++) await allocator.NextSqnAsync(Impi, default);

        await allocator.ResynchronizeAsync(Impi, SequenceNumber.Compose(3, 3, 5), default);

        Assert.Equal(11, SequenceNumber.Seq(await allocator.NextSqnAsync(Impi, default), 5));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    public async Task AtTheTopOfTheSeqSpaceTheLastSeqsAreIssuedAndThenNoneAndTheCounterNeverPassesIt(int blockSize)
    {
        var store = new InMemorySequenceNumberStore();
        long maxSeq = SequenceNumber.MaxSeq(5);
        store.SetLastIssued(Impi, maxSeq - 2);
        var allocator = new SequenceNumberAllocator(store, new SequenceNumberOptions { IndBits = 5, BlockSize = blockSize });

        long? penultimate = await allocator.TryNextSqnAsync(Impi, default);
        long? last = await allocator.TryNextSqnAsync(Impi, default);
        long? none = await allocator.TryNextSqnAsync(Impi, default);
        long? stillNone = await allocator.TryNextSqnAsync(Impi, default);

        Assert.Equal(0xffffffffffdeL, penultimate);
        Assert.Equal(AkaLength.MaxSqn, last);
        Assert.Null(none);
        Assert.Null(stillNone);
        Assert.Equal(maxSeq, store.LastIssued(Impi));
    }

    [Fact]
    public async Task AnImpiProvisionedAtTheVeryTopGetsNoSqnAndNextSqnSaysWhy()
    {
        var store = new InMemorySequenceNumberStore();
        store.SetLastIssued(Impi, SequenceNumber.MaxSeq(5));
        var allocator = new SequenceNumberAllocator(store, new SequenceNumberOptions { BlockSize = 32 });

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => allocator.NextSqnAsync(Impi, default).AsTask());

        Assert.Contains("SQN space of " + Impi + " is exhausted", refused.Message);
        Assert.Equal(SequenceNumber.MaxSeq(5), store.LastIssued(Impi));
    }

    [Fact]
    public async Task AProvisioningChangeDropsTheReservedBlockSoTheNextSqnComesFromTheNewCounter()
    {
        var store = new InMemorySequenceNumberStore();
        var allocator = new SequenceNumberAllocator(store, new SequenceNumberOptions { BlockSize = 32 });
        await allocator.NextSqnAsync(Impi, default);

        store.SetLastIssued(Impi, 0x1000000);
        allocator.PrivateIdentityChanged(Impi.ToUpperInvariant());
        long next = await allocator.NextSqnAsync(Impi, default);

        Assert.Equal(0x1000001, SequenceNumber.Seq(next, 5));
    }

    [Fact]
    public async Task AnExhaustedImpiGetsSqnsAgainOnceItsSqnIsResetLower()
    {
        var store = new InMemorySequenceNumberStore();
        store.SetLastIssued(Impi, SequenceNumber.MaxSeq(5));
        var allocator = new SequenceNumberAllocator(store, new SequenceNumberOptions { BlockSize = 32 });
        Assert.Null(await allocator.TryNextSqnAsync(Impi, default));

        store.SetLastIssued(Impi, 0);
        allocator.PrivateIdentityChanged(Impi);

        Assert.Equal(SequenceNumber.Compose(1, 1, 5), await allocator.TryNextSqnAsync(Impi, default));
    }

    [Fact]
    public async Task ACallerWaitingBehindAReservationWhenTheSqnIsResetIsServedFromTheNewCounter()
    {
        var store = new HeldSequenceNumberStore();
        var allocator = new SequenceNumberAllocator(store, new SequenceNumberOptions { BlockSize = 32 });
        var inFlight = allocator.NextSqnAsync(Impi, default).AsTask();
        var waiting = allocator.NextSqnAsync(Impi, default).AsTask();

        store.Inner.SetLastIssued(Impi, 1000);
        allocator.PrivateIdentityChanged(Impi);
        store.Release();

        Assert.Equal(1, SequenceNumber.Seq(await inFlight, 5));
        Assert.Equal(1001, SequenceNumber.Seq(await waiting, 5));
        Assert.Equal(1000 + 32, store.Inner.LastIssued(Impi));
    }

    [Fact]
    public void SqnRoundTripsThroughItsSixOctets()
    {
        var octets = new byte[AkaLength.Sqn];
        SequenceNumber.Write(0xff9bb4d0b607, octets);
        Assert.Equal("ff9bb4d0b607", Convert.ToHexStringLower(octets));
        Assert.Equal(0xff9bb4d0b607, SequenceNumber.Read(octets));
    }

    [Fact]
    public void SeqBeyondFortyEightBitsIsRejected()
    {
        Assert.Throws<InvalidOperationException>(() => SequenceNumber.Compose(1L << 43, 0, 5));
    }

    /// <summary>Reserves from <see cref="Inner"/> at once but answers only after <see cref="Release"/>: a reservation in flight.</summary>
    private sealed class HeldSequenceNumberStore : ISequenceNumberStore
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public InMemorySequenceNumberStore Inner { get; } = new();

        public void Release() => _released.TrySetResult();

        public async ValueTask<long?> ReserveSeqAsync(string impi, int count, long maxSeq, CancellationToken ct)
        {
            var first = await Inner.ReserveSeqAsync(impi, count, maxSeq, ct);
            await _released.Task;
            return first;
        }

        public ValueTask AdvanceSeqAsync(string impi, long seqMs, CancellationToken ct) => Inner.AdvanceSeqAsync(impi, seqMs, ct);
    }
}
