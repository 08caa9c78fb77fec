using ImsLab.Data;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Data.Stores;

[Collection(PostgresCollection.Name)]
public sealed class RegEventSubscriptionStoreTests(PgFixture postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SubscriptionsRoundTripUpdateAndRemove(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var store = host.Get<IRegEventSubscriptionStore>();
        var now = host.Time.GetUtcNow();
        var subscription = new RegEventSubscription
        {
            Id = Guid.NewGuid(),
            ResourceImpu = "sip:user1@ims.example.org",
            WatcherUri = "sip:pcscf.ims.example.org",
            WatcherContact = "sip:pcscf.ims.example.org:5070",
            CallId = "sub-1@pcscf",
            LocalTag = "ours",
            RemoteTag = "theirs",
            LocalCSeq = 1,
            RemoteCSeq = 4_000_000_000,
            RouteSet = ["<sip:pcscf.ims.example.org;lr>", "<sip:edge.example.org;lr>"],
            Flow = new BindingFlow("TCP", "192.0.2.9", 40000, "127.0.0.1", 5060, 17),
            ExpiresAt = now + TimeSpan.FromHours(1),
            Version = 0,
            CreatedAt = now,
        };
        var expired = subscription with { Id = Guid.NewGuid(), ExpiresAt = now };

        await store.UpsertAsync(subscription, default);
        await store.UpsertAsync(expired, default);
        await store.UpsertAsync(subscription with { Version = 3, LocalCSeq = 4 }, default);

        var loaded = Assert.Single(await store.LoadActiveAsync(now, default));
        Assert.Equivalent(subscription with { Version = 3, LocalCSeq = 4 }, loaded, strict: true);

        await store.RemoveAsync(subscription.Id, default);
        await store.RemoveAsync(subscription.Id, default);
        Assert.Empty(await store.LoadActiveAsync(now, default));
    }
}
