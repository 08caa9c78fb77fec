using ImsLab.Data;
using ImsLab.Data.Provisioning;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Data.Provisioning;

/// <summary>Every validation rule, each shown to reject its input with the field named. Validation is provider-independent: SQLite.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SubscriberValidationTests(PgFixture postgres)
{
    public static TheoryData<string, string> Cases => new()
    {
        { "impi", "no spaces allowed@ims.example.org" },
        { "impi", "user@bad..domain" },
        { "allowedSchemes", "none" },
        { "k", "k-short" },
        { "k", "k-not-hex" },
        { "k", "k-missing" },
        { "op", "op-and-opc" },
        { "op", "op-missing" },
        { "opc", "opc-short" },
        { "amf", "amf-bad" },
        { "sqn", "sqn-bad" },
        { "password", "password-missing" },
        { "password", "password-empty" },
        { "password", "password-and-ha1" },
        { "ha1Md5", "ha1-bad" },
        { "imsi", "imsi-bad" },
        { "msisdn", "msisdn-bad" },
        { "publicIdentities", "no-impu" },
        { "publicIdentities[0].uri", "impu-bad-scheme" },
        { "publicIdentities[0].uri", "impu-no-user" },
        { "publicIdentities[1].uri", "impu-twice" },
        { "publicIdentities[0].uri", "tel-local" },
        { "publicIdentities[0].implicitSetId", "negative-set" },
        { "publicIdentities[0].serviceProfile", "unknown-profile" },
        { "allowedVisitedNetworks", "empty-network" },
        { "subscription", "long-subscription" },
    };

    private static SubscriberInput Broken(string kind)
    {
        var aka = TestSubscribers.Aka();
        var digest = TestSubscribers.Digest();
        return kind switch
        {
            "no spaces allowed@ims.example.org" or "user@bad..domain" => aka with { Impi = kind },
            "none" => aka with { AllowedSchemes = AuthScheme.None },
            "k-short" => aka with { K = "465b5ce8" },
            "k-not-hex" => aka with { K = "zz5b5ce8b199b49faa5f0a2ee238a6bc" },
            "k-missing" => aka with { K = null },
            "op-and-opc" => aka with { Opc = TestSubscribers.TestSet1Opc },
            "op-missing" => aka with { Op = null },
            "opc-short" => aka with { Op = null, Opc = "cd63" },
            "amf-bad" => aka with { Amf = "b9b9b9" },
            "sqn-bad" => aka with { Sqn = "12" },
            "password-missing" => digest with { Password = null },
            "password-empty" => digest with { Password = "" },
            "password-and-ha1" => digest with { Ha1Md5 = new string('a', 32) },
            "ha1-bad" => digest with { Password = null, Ha1Md5 = "abc", AllowedSchemes = AuthScheme.Md5 },
            "imsi-bad" => aka with { Imsi = "00101x" },
            "msisdn-bad" => aka with { Msisdn = "+15550000001" },
            "no-impu" => aka with { PublicIdentities = [] },
            "impu-bad-scheme" => aka with { PublicIdentities = [new PublicIdentityInput { Uri = "http://example.org" }] },
            "impu-no-user" => aka with { PublicIdentities = [new PublicIdentityInput { Uri = "sip:ims.example.org" }] },
            "impu-twice" => aka with { PublicIdentities = [new PublicIdentityInput { Uri = "sip:a@x.org" }, new PublicIdentityInput { Uri = "<SIP:a@X.ORG>" }] },
            "tel-local" => aka with { PublicIdentities = [new PublicIdentityInput { Uri = "tel:5550000001" }] },
            "negative-set" => aka with { PublicIdentities = [new PublicIdentityInput { Uri = "sip:a@x.org", ImplicitSetId = -1 }] },
            "unknown-profile" => aka with { PublicIdentities = [new PublicIdentityInput { Uri = "sip:a@x.org", ServiceProfile = "gold" }] },
            "empty-network" => aka with { AllowedVisitedNetworks = [" "] },
            "long-subscription" => aka with { Subscription = new string('s', 201) },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CreateRejectsInvalidInputNamingTheField(string field, string kind)
    {
        await using var host = await DataTestHost.CreateAsync(DatabaseProvider.Sqlite, postgres);
        var result = await host.Get<SubscriberProvisioningService>().CreateAsync(Broken(kind), "test", default);

        var invalid = Assert.IsType<ProvisioningResult<SubscriberView>.Invalid>(result);
        Assert.Contains(field, invalid.Errors.Keys);
        Assert.Empty((await host.Get<SubscriberProvisioningService>().ListAsync(new SubscriberQuery(), default)).Items);
    }

    [Fact]
    public async Task CheckReportsWhatCreateWouldAndCountsStoredKeysWhenEditingWithoutStoringAnything()
    {
        await using var host = await DataTestHost.CreateAsync(DatabaseProvider.Sqlite, postgres);
        var provisioning = host.Get<SubscriberProvisioningService>();
        var withoutKeys = TestSubscribers.Aka() with { K = null, Op = null };

        var onCreate = await provisioning.CheckAsync(withoutKeys with { Msisdn = "+1" }, existingImpi: null, default);
        Assert.Equal(["AKA schemes need K."], onCreate["k"]);
        Assert.Equal(["AKA schemes need OP or OPc."], onCreate["op"]);
        Assert.Contains("msisdn", onCreate.Keys);
        Assert.Empty(await provisioning.CheckAsync(TestSubscribers.Aka(), existingImpi: null, default));
        Assert.Empty((await provisioning.ListAsync(new SubscriberQuery(), default)).Items);

        await provisioning.CreateAsync(TestSubscribers.Aka(), "test", default);
        Assert.Empty(await provisioning.CheckAsync(withoutKeys, TestSubscribers.Aka().Impi, default));
        Assert.Equal(["Expected 32 hex digits."], (await provisioning.CheckAsync(withoutKeys with { K = "465b" }, TestSubscribers.Aka().Impi, default))["k"]);
    }

    [Fact]
    public async Task DuplicateImpiAndAnImpuOfAnotherSubscriptionAreConflictsNamingTheField()
    {
        await using var host = await DataTestHost.CreateAsync(DatabaseProvider.Sqlite, postgres);
        var provisioning = host.Get<SubscriberProvisioningService>();
        await provisioning.CreateAsync(TestSubscribers.Aka(), "test", default);

        var sameImpi = Assert.IsType<ProvisioningResult<SubscriberView>.Conflict>(
            await provisioning.CreateAsync(TestSubscribers.Aka() with { Impi = "001010000000001@IMS.EXAMPLE.ORG", Subscription = "other" }, "test", default));
        Assert.Equal("impi", sameImpi.Field);

        var takenImpu = Assert.IsType<ProvisioningResult<SubscriberView>.Conflict>(await provisioning.CreateAsync(
            TestSubscribers.Digest("mallory") with { PublicIdentities = [new PublicIdentityInput { Uri = "tel:+1-555-000-0001" }] }, "test", default));
        Assert.Equal("publicIdentities[0].uri", takenImpu.Field);
    }

    [Fact]
    public async Task InputsAndResultsNeverPrintSecrets()
    {
        await using var host = await DataTestHost.CreateAsync(DatabaseProvider.Sqlite, postgres);
        var input = TestSubscribers.Aka() with { Password = "hunter2-password", AllowedSchemes = AuthScheme.AkaV1Md5 | AuthScheme.Md5 };
        var created = await host.Get<SubscriberProvisioningService>().CreateAsync(input, "test", default);
        var patch = new SubscriberPatch { K = TestSubscribers.TestSet1K, Password = "hunter2-password" };

        foreach (var text in new[] { input.ToString(), created.ToString(), patch.ToString() })
        {
            Assert.DoesNotContain(TestSubscribers.TestSet1K, text);
            Assert.DoesNotContain(TestSubscribers.TestSet1Op, text);
            Assert.DoesNotContain("hunter2", text);
        }
        var view = Assert.IsType<ProvisioningResult<SubscriberView>.Created>(created).Value;
        Assert.True(view.KSet && view.OpSet && !view.OpcSet && view.PasswordSet);
    }
}
