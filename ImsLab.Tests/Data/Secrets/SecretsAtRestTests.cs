using System.Data.Common;
using System.Security.Cryptography;
using ImsLab.Data;
using ImsLab.Data.Provisioning;
using ImsLab.Data.Secrets;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.Data.Provisioning;
using ImsLab.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ImsLab.Tests.Data.Secrets;

[Collection(PostgresCollection.Name)]
public sealed class SecretsAtRestTests(PgFixture postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TheDatabaseAloneNeverRevealsKOpOrTheDigestHa1(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var input = TestSubscribers.Aka() with { AllowedSchemes = AuthScheme.AkaV1Md5 | AuthScheme.Md5, Password = "open-sesame" };
        await host.Get<SubscriberProvisioningService>().CreateAsync(input, "test", default);
        var ha1 = (await host.Get<ISubscriberDirectory>().FindByImpiAsync(input.Impi, default))!.Digest!.Ha1Md5!;
        var secrets = new[] { TestSubscribers.TestSet1K, TestSubscribers.TestSet1Op, TestSubscribers.TestSet1Opc, ha1 };

        await using var db = host.Contexts.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = "SELECT k_ciphertext, op_ciphertext, ha1_md5_ciphertext, ha1_sha256_ciphertext FROM private_identities";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        for (var column = 0; column < reader.FieldCount; column++)
        {
            var stored = (byte[])reader.GetValue(column);
            Assert.Equal(1, stored[0]);
            foreach (var secret in secrets)
            {
                var plain = Convert.FromHexString(secret);
                Assert.False(stored.AsSpan().IndexOf(plain) >= 0, $"column {column} holds a secret in clear");
                Assert.DoesNotContain(secret, Convert.ToHexStringLower(stored));
            }
        }
        Assert.Equal(1 + 12 + 16 + 16, ((byte[])reader.GetValue(0)).Length);

        if (provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = await File.ReadAllBytesAsync(Path.Combine(host.SqliteDirectory!, "imslab.db"));
            foreach (var secret in secrets) Assert.True(file.AsSpan().IndexOf(Convert.FromHexString(secret)) < 0);
        }
    }

    [Fact]
    public void CiphertextIsBoundToItsFieldAndOwnerAndToTheMasterKey()
    {
        var cipher = new SecretCipher(RandomNumberGenerator.GetBytes(32));
        var k = Convert.FromHexString(TestSubscribers.TestSet1K);
        var stored = cipher.Encrypt(k, SecretContext.K("a@x.org"));

        Assert.Equal(k, cipher.Decrypt(stored, SecretContext.K("a@x.org")));
        Assert.NotEqual(stored, cipher.Encrypt(k, SecretContext.K("a@x.org")));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(stored, SecretContext.K("b@x.org")));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(stored, SecretContext.Op("a@x.org")));
        Assert.ThrowsAny<CryptographicException>(() => new SecretCipher(RandomNumberGenerator.GetBytes(32)).Decrypt(stored, SecretContext.K("a@x.org")));
        stored[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(stored, SecretContext.K("a@x.org")));
        stored[^1] ^= 1;
        stored[0] = 2;
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(stored, SecretContext.K("a@x.org")));
    }

    [Fact]
    public async Task EmbeddedDefaultGeneratesAMasterKeyFileOnceWithMode600AndKeepsUsingIt()
    {
        var noKey = new Dictionary<string, string?> { ["ImsLab:Secrets:MasterKey"] = null };
        await using var first = await DataTestHost.CreateAsync(DatabaseProvider.Sqlite, postgres, settings: noKey);
        var keyFile = Path.Combine(first.SqliteDirectory!, MasterKeyLoader.KeyFileName);
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        var key = await File.ReadAllTextAsync(keyFile);
        Assert.Equal(64, key.Length);
        await first.Get<SubscriberProvisioningService>().CreateAsync(TestSubscribers.Aka(), "test", default);

        await using var restarted = await DataTestHost.CreateAsync(DatabaseProvider.Sqlite, postgres, settings: noKey, sqliteDirectory: first.SqliteDirectory);
        Assert.Equal(key, await File.ReadAllTextAsync(keyFile));
        var profile = await restarted.Get<ISubscriberDirectory>().FindByImpiAsync(TestSubscribers.Aka().Impi, default);
        Assert.Equal(TestSubscribers.TestSet1K, Convert.ToHexStringLower(profile!.Aka!.K));
    }

    [Fact]
    public async Task PostgreSqlWithoutAMasterKeyRefusesToStartSayingWhy()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DataTestHost.CreateAsync(DatabaseProvider.PostgreSql, postgres, settings: new Dictionary<string, string?> { ["ImsLab:Secrets:MasterKey"] = null }));
        Assert.Contains("ImsLab:Secrets:MasterKey", error.Message);
        Assert.Contains("refusing to start", error.Message);
    }

    [Fact]
    public async Task AMalformedMasterKeyIsRejected()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DataTestHost.CreateAsync(DatabaseProvider.Sqlite, postgres, settings: new Dictionary<string, string?> { ["ImsLab:Secrets:MasterKey"] = "abcd" }));
        Assert.Contains("64 hex digits", error.Message);
    }
}
