using ImsLab.Data;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Data.Stores;

[Collection(PostgresCollection.Name)]
public sealed class BindingStoreTests(PgFixture postgres)
{
    internal static RegistrationBinding Binding(DateTimeOffset now, int n, TimeSpan lifetime) => new()
    {
        Id = Guid.NewGuid(),
        Impu = $"sip:user{n}@ims.example.org",
        Impi = $"user{n}@ims.example.org",
        ContactUri = $"sip:user{n}@192.0.2.{n % 250 + 1}:5060;transport=udp",
        ContactParameters = ";expires=600;+sip.instance=\"<urn:gsma:imei:35209900-176148-0>\";reg-id=1;+g.3gpp.smsip",
        ExpiresAt = now + lifetime,
        Q = 0.5f,
        InstanceId = "<urn:gsma:imei:35209900-176148-0>",
        RegId = 1,
        FeatureTags = ["+g.3gpp.smsip", "+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\""],
        Path = ["<sip:term@pcscf.ims.example.org;lr>"],
        Flow = new BindingFlow("UDP", "192.0.2.1", 5060 + n % 1000, "127.0.0.1", 5060, 0),
        CallId = $"call-{n}@192.0.2.1",
        CSeq = (uint)(n + 1),
        UserAgent = "ImsLab UE",
        AccessNetworkInfo = "3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=0010100010019B01",
        VisitedNetwork = "\"Visited network\"",
        ScscfUri = "sip:scscf.ims.example.org:6060",
        RegisteredAt = now,
        RefreshedAt = now,
        ReauthenticationRequired = n % 2 == 0,
    };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AppliedBindingsReloadExactlyFromANewStoreAfterARestart(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var now = host.Time.GetUtcNow();
        var bindings = Enumerable.Range(0, 3).Select(n => Binding(now, n, TimeSpan.FromMinutes(10))).ToList();
        await host.Get<IBindingStore>().ApplyAsync(bindings.Select(b => (BindingChange)new BindingChange.Upsert(b)).ToList(), default);

        // A new service provider is a restart: new contexts, new connections, nothing in memory.
        await using var restarted = await DataTestHost.CreateAsync(provider, postgres, migrate: false,
            settings: provider == DatabaseProvider.PostgreSql ? new Dictionary<string, string?> { ["ConnectionStrings:ImsLab"] = host.ConnectionString } : null,
            configure: null, sqliteDirectory: host.SqliteDirectory);
        var loaded = await restarted.Get<IBindingStore>().LoadActiveAsync(now, default);

        Assert.Equal(3, loaded.Count);
        foreach (var expected in bindings)
        {
            var actual = Assert.Single(loaded, b => b.Id == expected.Id);
            Assert.Equivalent(expected, actual, strict: true);
            Assert.Equal(expected.ExpiresAt, actual.ExpiresAt);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ABatchAppliesUpsertsAndRemovalsInOrderWithTheLastChangePerIdWinning(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var store = host.Get<IBindingStore>();
        var now = host.Time.GetUtcNow();
        var kept = Binding(now, 1, TimeSpan.FromMinutes(10));
        var removed = Binding(now, 2, TimeSpan.FromMinutes(10));
        await store.ApplyAsync([new BindingChange.Upsert(kept), new BindingChange.Upsert(removed)], default);

        var refreshed = kept with { CSeq = kept.CSeq + 1, ExpiresAt = now + TimeSpan.FromHours(1), RefreshedAt = now + TimeSpan.FromMinutes(1) };
        var readded = Binding(now, 3, TimeSpan.FromMinutes(10));
        await store.ApplyAsync(
        [
            new BindingChange.Remove(removed.Id),
            new BindingChange.Upsert(kept with { CSeq = 99 }),
            new BindingChange.Upsert(refreshed),
            new BindingChange.Upsert(readded),
            new BindingChange.Remove(readded.Id),
            new BindingChange.Remove(Guid.NewGuid()),
        ], default);

        var loaded = await store.LoadActiveAsync(now, default);
        var only = Assert.Single(loaded);
        Assert.Equal(refreshed.CSeq, only.CSeq);
        Assert.Equal(refreshed.ExpiresAt, only.ExpiresAt);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ABatchThatFailsInItsLastStatementUndoesItsEarlierStatements(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var store = host.Get<IBindingStore>();
        var now = host.Time.GetUtcNow();
        var stored = Binding(now, 1, TimeSpan.FromMinutes(10));
        await store.ApplyAsync([new BindingChange.Upsert(stored)], default);

        // The removal is its own DELETE, sent before the upsert that the database refuses (impu is NOT NULL).
        var refused = Binding(now, 2, TimeSpan.FromMinutes(10)) with { Impu = null! };
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            store.ApplyAsync([new BindingChange.Remove(stored.Id), new BindingChange.Upsert(refused)], default));

        Assert.Equal([stored.Id], (await store.LoadActiveAsync(now, default)).Select(b => b.Id));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ExpiredBindingsAreNeitherLoadedNorKeptByRemoveExpired(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var store = host.Get<IBindingStore>();
        var now = host.Time.GetUtcNow();
        var shortLived = Binding(now, 1, TimeSpan.FromSeconds(60));
        var longLived = Binding(now, 2, TimeSpan.FromSeconds(3600));
        await store.ApplyAsync([new BindingChange.Upsert(shortLived), new BindingChange.Upsert(longLived)], default);

        var later = now + TimeSpan.FromSeconds(60);
        Assert.Equal([longLived.Id], (await store.LoadActiveAsync(later, default)).Select(b => b.Id));
        Assert.Equal(1, await store.RemoveExpiredAsync(later, default));
        Assert.Equal(0, await store.RemoveExpiredAsync(later, default));
        Assert.Equal([longLived.Id], (await store.LoadActiveAsync(now, default)).Select(b => b.Id));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ABatchLargerThanOneStatementIsAppliedWhole(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var store = host.Get<IBindingStore>();
        var now = host.Time.GetUtcNow();
        var bindings = Enumerable.Range(0, 1200).Select(n => Binding(now, n, TimeSpan.FromMinutes(5))).ToList();
        await store.ApplyAsync(bindings.Select(b => (BindingChange)new BindingChange.Upsert(b)).ToList(), default);
        await store.ApplyAsync(bindings.Take(700).Select(b => (BindingChange)new BindingChange.Remove(b.Id)).ToList(), default);

        Assert.Equal(500, (await store.LoadActiveAsync(now, default)).Count);
    }
}
