using System.Data.Common;
using ImsLab.Data;
using ImsLab.Data.Access;
using ImsLab.Data.Provisioning;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ImsLab.Tests.Data.Access;

[Collection(PostgresCollection.Name)]
public sealed class AccessStoreTests(PgFixture postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CreatedUserLogsInWithItsPasswordAndNotWithAnother(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var store = host.Get<AccessStore>();
        Assert.False(await store.AnyUserAsync(default));

        var created = Assert.IsType<ProvisioningResult<UserAccountInfo>.Created>(
            await store.CreateUserAsync("Admin", "correct horse", UserRole.Admin, "test", default));
        Assert.Equal("admin", created.Value.Username);
        Assert.True(await store.AnyUserAsync(default));

        var ok = await store.VerifyPasswordAsync("admin", "correct horse", default);
        Assert.Equal(LoginOutcome.Succeeded, ok.Outcome);
        Assert.Equal(UserRole.Admin, ok.User!.Role);
        Assert.Equal(host.Time.GetUtcNow(), ok.User.LastLoginAt);
        Assert.Equal(LoginOutcome.InvalidCredentials, (await store.VerifyPasswordAsync("admin", "wrong horse", default)).Outcome);
        Assert.Equal(LoginOutcome.InvalidCredentials, (await store.VerifyPasswordAsync("nobody", "correct horse", default)).Outcome);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task FiveFailedLoginsLockTheAccountUntilTheLockoutEnds(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var store = host.Get<AccessStore>();
        await store.CreateUserAsync("viewer", "viewer-pass", UserRole.Viewer, "test", default);

        for (var i = 0; i < 4; i++) Assert.Equal(LoginOutcome.InvalidCredentials, (await store.VerifyPasswordAsync("viewer", "nope", default)).Outcome);
        var locked = await store.VerifyPasswordAsync("viewer", "nope", default);
        Assert.Equal(LoginOutcome.LockedOut, locked.Outcome);
        Assert.Equal(LoginOutcome.LockedOut, (await store.VerifyPasswordAsync("viewer", "viewer-pass", default)).Outcome);

        host.Time.Advance(new AccessOptions().LockoutDuration);
        Assert.Equal(LoginOutcome.Succeeded, (await store.VerifyPasswordAsync("viewer", "viewer-pass", default)).Outcome);
        var denied = await host.Get<IRegistrationEventLog>().QueryAsync(new RegistrationEventQuery { Type = RegistrationEventType.AccessDenied }, default);
        Assert.Equal(6, denied.Count);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AnUnknownUsernameLocksAfterAsManyFailuresAsAnAccountSoLockoutRevealsNoUsername(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var store = host.Get<AccessStore>();
        await store.CreateUserAsync("viewer", "viewer-pass", UserRole.Viewer, "test", default);

        for (var i = 0; i < 5; i++)
        {
            var real = await store.VerifyPasswordAsync("viewer", "nope", default);
            var made = await store.VerifyPasswordAsync("no-such-user", "nope", default);
            Assert.Equal(real.Outcome, made.Outcome);
            Assert.Equal(real.LockedUntil, made.LockedUntil);
        }
        Assert.Equal(LoginOutcome.LockedOut, (await store.VerifyPasswordAsync("NO-SUCH-USER", "nope", default)).Outcome);
        Assert.Equal(LoginOutcome.InvalidCredentials, (await store.VerifyPasswordAsync("another-made-up-name", "nope", default)).Outcome);

        host.Time.Advance(new AccessOptions().LockoutDuration);
        Assert.Equal(LoginOutcome.InvalidCredentials, (await store.VerifyPasswordAsync("no-such-user", "nope", default)).Outcome);
        var denied = await host.Get<IRegistrationEventLog>().QueryAsync(new RegistrationEventQuery { Type = RegistrationEventType.AccessDenied }, default);
        // The audit trail reads the same for both names too (plus the made-up name's two later attempts).
        string?[] Reasons(string actor) => [.. denied.Where(e => e.Actor == actor).Select(e => e.Reason).Order(StringComparer.Ordinal)];
        Assert.Equal(Reasons("viewer").Append("login refused: account locked").Append("login failed: invalid credentials").Order(StringComparer.Ordinal),
            Reasons("no-such-user"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task DuplicateUsernameIsAConflictAndShortPasswordIsInvalid(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var store = host.Get<AccessStore>();
        await store.CreateUserAsync("alice", "long enough", UserRole.Viewer, "test", default);

        var conflict = Assert.IsType<ProvisioningResult<UserAccountInfo>.Conflict>(
            await store.CreateUserAsync("ALICE", "long enough", UserRole.Viewer, "test", default));
        Assert.Equal("username", conflict.Field);
        var invalid = Assert.IsType<ProvisioningResult<UserAccountInfo>.Invalid>(
            await store.CreateUserAsync("bob", "short", UserRole.Viewer, "test", default));
        Assert.Contains("password", invalid.Errors.Keys);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ApiKeyVerifiesUntilRevokedAndIsStoredOnlyAsAHash(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var store = host.Get<AccessStore>();

        var created = Assert.IsType<ProvisioningResult<CreatedApiKey>.Created>(
            await store.CreateApiKeyAsync("ci", UserRole.Viewer, "admin", default)).Value;
        Assert.StartsWith(AccessStore.KeyPrefix, created.Key);
        Assert.DoesNotContain(created.Key, created.ToString());
        Assert.StartsWith(created.Info.Prefix, created.Key);

        var verified = await store.VerifyApiKeyAsync(created.Key, default);
        Assert.Equal(created.Info.Id, verified!.Id);
        Assert.Equal(host.Time.GetUtcNow(), verified.LastUsedAt);
        Assert.Null(await store.VerifyApiKeyAsync(created.Key + "x", default));
        Assert.Null(await store.VerifyApiKeyAsync("not a key", default));

        await using (var db = host.Contexts.CreateDbContext())
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM api_keys";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                var text = value is byte[] bytes ? Convert.ToBase64String(bytes) + System.Text.Encoding.UTF8.GetString(bytes) : value.ToString()!;
                Assert.DoesNotContain(created.Key, text);
                Assert.DoesNotContain(created.Key[AccessStore.KeyPrefix.Length..], text);
            }
        }

        Assert.IsType<ProvisioningResult<ApiKeyInfo>.Ok>(await store.RevokeApiKeyAsync(created.Info.Id, "admin", default));
        Assert.Null(await store.VerifyApiKeyAsync(created.Key, default));
        var listed = Assert.Single(await store.ListApiKeysAsync(default));
        Assert.NotNull(listed.RevokedAt);
        Assert.IsType<ProvisioningResult<ApiKeyInfo>.NotFound>(await store.RevokeApiKeyAsync(Guid.NewGuid(), "admin", default));
    }
}
