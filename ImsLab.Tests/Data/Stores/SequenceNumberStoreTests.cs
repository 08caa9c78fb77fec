using ImsLab.Data;
using ImsLab.Data.Provisioning;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Tests.Data.Provisioning;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Data.Stores;

[Collection(PostgresCollection.Name)]
public sealed class SequenceNumberStoreTests(PgFixture postgres)
{
    private static readonly long MaxSeq = SequenceNumber.MaxSeq(5);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ConcurrentReservationsOnSeparateConnectionsNeverOverlapAndTheCounterEndsExact(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var input = TestSubscribers.Aka() with { Sqn = "000000000020" };
        await host.Get<SubscriberProvisioningService>().CreateAsync(input, "test", default);
        var store = host.Get<ISequenceNumberStore>();
        const long initialSeq = 0x20 >> 5;

        var ranges = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var mine = new List<(long First, int Count)>();
            for (var i = 0; i < 200; i++)
            {
                var count = 1 + ((worker + i) % 3);
                mine.Add(((await store.ReserveSeqAsync(input.Impi.ToUpperInvariant(), count, MaxSeq, default))!.Value, count));
            }
            return mine;
        })));

        var all = ranges.SelectMany(r => r).OrderBy(r => r.First).ToList();
        var expectedTotal = all.Sum(r => r.Count);
        Assert.Equal(initialSeq + 1, all[0].First);
        for (var i = 1; i < all.Count; i++) Assert.Equal(all[i - 1].First + all[i - 1].Count, all[i].First);
        Assert.Equal(initialSeq + expectedTotal, all[^1].First + all[^1].Count - 1);
        Assert.Equal(initialSeq + expectedTotal + 1, await store.ReserveSeqAsync(input.Impi, 1, MaxSeq, default));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ResynchronisationRaisesTheCounterButNeverLowersIt(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var input = TestSubscribers.Aka();
        await host.Get<SubscriberProvisioningService>().CreateAsync(input, "test", default);
        var store = host.Get<ISequenceNumberStore>();

        await store.AdvanceSeqAsync(input.Impi, 1000, default);
        Assert.Equal(1001, await store.ReserveSeqAsync(input.Impi, 1, MaxSeq, default));
        await store.AdvanceSeqAsync(input.Impi, 10, default);
        Assert.Equal(1002, await store.ReserveSeqAsync(input.Impi, 1, MaxSeq, default));
        Assert.Equal("00000000" + (1002 << 5).ToString("x4"), (await host.Get<SubscriberProvisioningService>().GetAsync(input.Impi, default))!.Sqn);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ReservingForAnUnknownImpiIsAProgrammerError(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Get<ISequenceNumberStore>().ReserveSeqAsync("nobody@ims.example.org", 1, MaxSeq, default).AsTask());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AReservationPastTheTopOfTheSeqSpaceReservesNothingAndLeavesTheCounterAsItWas(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var input = TestSubscribers.Aka() with { Sqn = "ffffffffff80" };
        var subscribers = host.Get<SubscriberProvisioningService>();
        await subscribers.CreateAsync(input, "test", default);
        var store = host.Get<ISequenceNumberStore>();

        Assert.Null(await store.ReserveSeqAsync(input.Impi, 32, MaxSeq, default));
        Assert.Equal(MaxSeq - 2, await store.ReserveSeqAsync(input.Impi, 3, MaxSeq, default));
        Assert.Null(await store.ReserveSeqAsync(input.Impi, 1, MaxSeq, default));
        Assert.Equal("ffffffffffe0", (await subscribers.GetAsync(input.Impi, default))!.Sqn);
    }
}
