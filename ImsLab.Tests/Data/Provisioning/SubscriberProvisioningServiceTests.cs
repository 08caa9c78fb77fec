using System.Text;
using ImsLab.Data;
using ImsLab.Data.Provisioning;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ImsLab.Tests.Data.Provisioning;

[Collection(PostgresCollection.Name)]
public sealed class SubscriberProvisioningServiceTests(PgFixture postgres)
{
    private sealed class RecordingTerminator : ILiveRegistrationTerminator
    {
        public List<string> Terminated { get; } = [];

        public ValueTask TerminateAsync(string impi, CancellationToken cancellationToken)
        {
            Terminated.Add(impi);
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task EveryWayProvisioningWritesAnSqnIsHonouredByTheNextVectorThoughTheRegistrarHeldReservedSeqs()
    {
        await using var host = await DataTestHost.CreateAsync(DatabaseProvider.Sqlite, postgres, configure: s =>
        {
            s.AddSingleton(sp => new SequenceNumberAllocator(sp.GetRequiredService<ISequenceNumberStore>(), new SequenceNumberOptions { BlockSize = 32 }));
            s.AddSingleton<ISubscriberChangeObserver>(sp => sp.GetRequiredService<SequenceNumberAllocator>());
        });
        var provisioning = host.Get<SubscriberProvisioningService>();
        var allocator = host.Get<SequenceNumberAllocator>();
        var input = TestSubscribers.Aka();
        async Task<long> NextSeqAsync() => SequenceNumber.Seq(await allocator.NextSqnAsync(input.Impi, default), 5);

        await provisioning.CreateAsync(input, "test", default);
        var afterCreate = await NextSeqAsync();
        await provisioning.ReplaceAsync(input.Impi, input with { Sqn = "000020000000" }, "test", default);
        var afterReplace = await NextSeqAsync();
        await provisioning.PatchAsync(input.Impi, new SubscriberPatch { Sqn = "000040000000" }, "test", default);
        var afterPatch = await NextSeqAsync();
        await provisioning.DeleteAsync(input.Impi, "test", default);
        await provisioning.CreateAsync(input with { Sqn = "000000000000" }, "test", default);
        var afterRecreate = await NextSeqAsync();
        await provisioning.DeleteAsync(input.Impi, "test", default);
        await provisioning.ImportAsync([(1, input with { Sqn = "000060000000" })], [], "test", "test", default);
        var afterImport = await NextSeqAsync();

        Assert.Equal([2, 0x1000001, 0x2000001, 1, 0x3000001], new[] { afterCreate, afterReplace, afterPatch, afterRecreate, afterImport });
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CreateGetReplacePatchDeleteWithAuditAndTheTerminatorCalledBeforeDelete(DatabaseProvider provider)
    {
        var terminator = new RecordingTerminator();
        await using var host = await DataTestHost.CreateAsync(provider, postgres, configure: s => s.AddSingleton<ILiveRegistrationTerminator>(terminator));
        var provisioning = host.Get<SubscriberProvisioningService>();
        var input = TestSubscribers.Aka();

        var created = Assert.IsType<ProvisioningResult<SubscriberView>.Created>(await provisioning.CreateAsync(input, "alice-admin", default)).Value;
        Assert.Equal("000000000020", created.Sqn);
        Assert.Equal("b9b9", created.Amf);
        Assert.Equal(3, created.PublicIdentities.Count);

        var replaced = Assert.IsType<ProvisioningResult<SubscriberView>.Ok>(await provisioning.ReplaceAsync(input.Impi, input with
        {
            K = null, Op = null, Sqn = null, Msisdn = "15559999999",
            PublicIdentities = [input.PublicIdentities[0], new PublicIdentityInput { Uri = "sip:new@ims.example.org", ImplicitSetId = 1 }],
        }, "alice-admin", default)).Value;
        Assert.True(replaced.KSet && replaced.OpSet);
        Assert.Equal("000000000020", replaced.Sqn);
        Assert.Equal("15559999999", replaced.Msisdn);
        Assert.Equal(["sip:001010000000001@ims.example.org", "sip:new@ims.example.org"], replaced.PublicIdentities.Select(p => p.Uri));
        Assert.True(replaced.Version > created.Version);

        var patched = Assert.IsType<ProvisioningResult<SubscriberView>.Ok>(await provisioning.PatchAsync(input.Impi, new SubscriberPatch
        {
            Enabled = false, Opc = TestSubscribers.TestSet1Opc, Sqn = "000000000000",
            Barred = new Dictionary<string, bool> { ["sip:new@ims.example.org"] = true },
        }, "alice-admin", default)).Value;
        Assert.False(patched.Enabled);
        Assert.True(patched.OpcSet && !patched.OpSet);
        Assert.Equal("000000000000", patched.Sqn);
        Assert.True(patched.PublicIdentities.Single(p => p.Uri == "sip:new@ims.example.org").Barred);
        Assert.IsType<ProvisioningResult<SubscriberView>.Invalid>(await provisioning.PatchAsync(input.Impi,
            new SubscriberPatch { Barred = new Dictionary<string, bool> { ["sip:someone-else@x.org"] = true } }, "alice-admin", default));
        Assert.IsType<ProvisioningResult<SubscriberView>.NotFound>(await provisioning.PatchAsync("nobody", new SubscriberPatch(), "x", default));

        Assert.IsType<ProvisioningResult<SubscriberView>.Ok>(await provisioning.DeleteAsync(input.Impi, "alice-admin", default));
        Assert.Equal([input.Impi], terminator.Terminated);
        Assert.Null(await provisioning.GetAsync(input.Impi, default));
        Assert.IsType<ProvisioningResult<SubscriberView>.NotFound>(await provisioning.DeleteAsync(input.Impi, "alice-admin", default));
        // The IMPUs went with it: another subscriber may take them now.
        Assert.IsType<ProvisioningResult<SubscriberView>.Created>(await provisioning.CreateAsync(TestSubscribers.Aka() with { Subscription = "again" }, "x", default));

        var audit = await host.Get<IRegistrationEventLog>().QueryAsync(new RegistrationEventQuery { Impi = input.Impi }, default);
        Assert.Equal(
            [RegistrationEventType.SubscriberCreated, RegistrationEventType.SubscriberCreated, RegistrationEventType.SubscriberUpdated,
             RegistrationEventType.SubscriberUpdated, RegistrationEventType.SubscriberDeleted],
            audit.Select(e => e.Type).Order());
        Assert.All(audit.Where(e => e.Actor != "x"), e => Assert.Equal("alice-admin", e.Actor));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CsvImportIsAllOrNothingWithEveryRowErrorReported(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var provisioning = host.Get<SubscriberProvisioningService>();
        const string k = TestSubscribers.TestSet1K, op = TestSubscribers.TestSet1Op;
        // impi,subscription,schemes,k,op,opc,amf,sqn,password,ha1_md5,ha1_sha256,realm,imsi,msisdn,enabled,impus,allowed_visited_networks
        static string Row(string impi, string schemes, string k, string op, string password, string enabled, string impus) =>
            $"{impi},,{schemes},{k},{op},,,,{password},,,,,,{enabled},{impus},\n";
        var a1 = Row("a1@ims.example.org", "AKAv1-MD5", k, op, "", "", "sip:a1@ims.example.org tel:+15551000001");
        var a2 = Row("a2@ims.example.org", "AKAv1-MD5", k, op, "", "", "sip:a2@ims.example.org");
        var a3 = Row("a3@ims.example.org", "MD5", "", "", "pw", "false", "sip:a3@ims.example.org");
        var a1Again = Row("a1@ims.example.org", "MD5", "", "", "pw", "", "sip:a4@ims.example.org");
        var bad = SubscriberCsv.Header + "\n" + a1 + a2.Replace(k, "nothex", StringComparison.Ordinal) + a3.Replace("false", "maybe", StringComparison.Ordinal) + a1Again
            + "a5@ims.example.org,too,few,columns\n" + Row("a6@ims.example.org", "AKAv9-MD5 AKAv1-MD5", "12345", op, "", "", "sip:a6@ims.example.org");

        var rejected = await provisioning.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(bad)), SubscriberFileFormat.Csv, "admin", default);

        Assert.False(rejected.Succeeded);
        Assert.Equal(0, rejected.Imported);
        Assert.Contains(rejected.Errors, e => e is { Row: 2, Field: "k" });
        Assert.Contains(rejected.Errors, e => e is { Row: 3, Field: "enabled" });
        Assert.Contains(rejected.Errors, e => e.Row == 5);
        // A cell its column does not take is reported with the row's other mistakes, not instead of them.
        Assert.Equal(["k", "schemes"], rejected.Errors.Where(e => e.Row == 6).Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(rejected.Errors, e => e.Row == 1);
        Assert.Equal(rejected.Errors.OrderBy(e => e.Row).Select(e => e.Row), rejected.Errors.Select(e => e.Row));
        Assert.Equal(0, (await provisioning.ListAsync(new SubscriberQuery(), default)).Total);

        var duplicate = await provisioning.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(SubscriberCsv.Header + "\r\n" + a1 + a2 + a3 + a1Again)),
            SubscriberFileFormat.Csv, "admin", default);
        var conflict = Assert.Single(duplicate.Errors);
        Assert.Equal((4, "impi"), (conflict.Row, conflict.Field));
        Assert.Contains("first in row 1", conflict.Message);
        Assert.Equal(0, (await provisioning.ListAsync(new SubscriberQuery(), default)).Total);

        var good = SubscriberCsv.Header + "\n" + a1 + a2 + a3;
        var imported = await provisioning.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(good)), SubscriberFileFormat.Csv, "admin", default);
        Assert.True(imported.Succeeded, string.Join("; ", imported.Errors));
        Assert.Equal(3, imported.Imported);
        Assert.False((await provisioning.GetAsync("a3@ims.example.org", default))!.Enabled);
        Assert.Equal(["sip:a1@ims.example.org", "tel:+15551000001"], (await provisioning.GetAsync("a1@ims.example.org", default))!.PublicIdentities.Select(p => p.Uri));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task JsonExportWithKeysImportsIntoAnEmptyDatabaseAsTheSameSubscribers(DatabaseProvider provider)
    {
        await using var source = await DataTestHost.CreateAsync(provider, postgres);
        var provisioning = source.Get<SubscriberProvisioningService>();
        await provisioning.CreateAsync(TestSubscribers.Aka() with { AllowedVisitedNetworks = ["visited.example.net"] }, "admin", default);
        await provisioning.CreateAsync(TestSubscribers.Digest(), "admin", default);

        using var withKeys = new MemoryStream();
        await provisioning.ExportAsync(withKeys, SubscriberFileFormat.Json, includeKeys: true, "admin", default);
        using var withoutKeys = new MemoryStream();
        await provisioning.ExportAsync(withoutKeys, SubscriberFileFormat.Csv, includeKeys: false, "admin", default);
        var csv = Encoding.UTF8.GetString(withoutKeys.ToArray());
        Assert.DoesNotContain(TestSubscribers.TestSet1K, csv);
        Assert.StartsWith(SubscriberCsv.Header, csv);
        Assert.Contains(TestSubscribers.TestSet1K, Encoding.UTF8.GetString(withKeys.ToArray()));

        await using var target = await DataTestHost.CreateAsync(provider, postgres);
        withKeys.Position = 0;
        var report = await target.Get<SubscriberProvisioningService>().ImportAsync(withKeys, SubscriberFileFormat.Json, "admin", default);
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));

        foreach (var impi in new[] { "001010000000001@ims.example.org", "alice" })
        {
            var before = (await source.Get<ISubscriberDirectory>().FindByImpiAsync(impi, default))!;
            var after = (await target.Get<ISubscriberDirectory>().FindByImpiAsync(impi, default))!;
            Assert.Equal(before.Aka?.K.ToArray(), after.Aka?.K.ToArray());
            Assert.Equal(before.Aka?.Opc.ToArray(), after.Aka?.Opc.ToArray());
            Assert.Equal(before.Digest, after.Digest);
            Assert.Equal(before.PublicIdentities, after.PublicIdentities);
            Assert.Equal(before.Roaming.AllowedVisitedNetworks, after.Roaming.AllowedVisitedNetworks);
        }
        var exports = await source.Get<IRegistrationEventLog>().QueryAsync(new RegistrationEventQuery { Type = RegistrationEventType.SubscribersExported }, default);
        Assert.Equal(2, exports.Count);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ListSearchesSortsAndPagesOnTheServer(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var provisioning = host.Get<SubscriberProvisioningService>();
        foreach (var user in new[] { "carol", "alice", "bob", "dave" }) await provisioning.CreateAsync(TestSubscribers.Digest(user), "admin", default);
        await provisioning.PatchAsync("bob", new SubscriberPatch { Enabled = false }, "admin", default);

        var page = await provisioning.ListAsync(new SubscriberQuery { Skip = 1, Take = 2 }, default);
        Assert.Equal(4, page.Total);
        Assert.Equal(["bob", "carol"], page.Items.Select(i => i.Impi));
        Assert.Equal(["dave", "carol"], (await provisioning.ListAsync(new SubscriberQuery { Descending = true, Take = 2 }, default)).Items.Select(i => i.Impi));
        Assert.Equal(["bob"], (await provisioning.ListAsync(new SubscriberQuery { Enabled = false }, default)).Items.Select(i => i.Impi));
        Assert.Equal(["carol"], (await provisioning.ListAsync(new SubscriberQuery { Search = "SIP:CAROL@" }, default)).Items.Select(i => i.Impi));
    }
}
