using ImsLab.Data;
using ImsLab.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ImsLab.Tests.Data.Migrations;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PgFixture postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task MigrationsMatchTheModelSoNoMigrationWasForgotten(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres, migrate: false);
        await using var db = host.Contexts.CreateDbContext();
        // Same check as `dotnet ef migrations has-pending-model-changes`: model vs. the provider's snapshot.
        Assert.False(db.Database.HasPendingModelChanges(), $"The model changed without a {provider} migration: run dotnet ef migrations add (README).");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task UpgradingADatabaseMadeByTheFirstVersionKeepsItsData(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres, migrate: false);
        await using (var db = host.Contexts.CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            Assert.True(migrations.Count >= 2, "the upgrade test needs at least two migrations");
            await db.GetService<IMigrator>().MigrateAsync(migrations[0]);

            var guid = Guid.Parse("7d0c1a52-3f07-4a4e-9f3e-0a6f0e7c6a01");
            object id = provider == DatabaseProvider.PostgreSql ? guid : guid.ToString().ToUpperInvariant();
            object now = provider == DatabaseProvider.PostgreSql ? DateTimeOffset.UnixEpoch : 0L;
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO ims_subscriptions (id, name, created_at) VALUES ({id}, 'old-sub', {now})");
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO private_identities (id, subscription_id, impi, allowed_schemes, seq, enabled, version, created_at, updated_at)
                VALUES ({id}, {id}, 'old@ims.example.org', 4, 42, TRUE, 1, {now}, {now})
                """);
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO public_identities (id, subscription_id, uri, barred, can_register, implicit_set_id)
                VALUES ({id}, {id}, 'sip:old@ims.example.org', FALSE, TRUE, 1)
                """);
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO public_identity_links (private_identity_id, public_identity_id) VALUES ({id}, {id})");
        }

        await host.Get<ImsLabDatabaseInitializer>().InitializeAsync(default);

        await using (var db = host.Contexts.CreateDbContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var impi = await db.PrivateIdentities.Include(p => p.Links).ThenInclude(l => l.PublicIdentity).SingleAsync();
            Assert.Equal("old@ims.example.org", impi.Impi);
            Assert.Equal(42, impi.Seq);
            Assert.Equal("sip:old@ims.example.org", Assert.Single(impi.Links).PublicIdentity.Uri);
            Assert.Equal(0, await db.UserAccounts.CountAsync());
        }
    }
}
