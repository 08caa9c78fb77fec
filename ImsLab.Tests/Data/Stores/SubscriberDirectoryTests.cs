using ImsLab.Data;
using ImsLab.Data.Provisioning;
using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.Data.Provisioning;
using ImsLab.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ImsLab.Tests.Data.Stores;

[Collection(PostgresCollection.Name)]
public sealed class SubscriberDirectoryTests(PgFixture postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ProfileCarriesOpcDerivedFromOpImplicitSetsBarringAndRoaming(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var input = TestSubscribers.Aka() with { AllowedVisitedNetworks = ["visited.example.net"] };
        input = input with { PublicIdentities = [.. input.PublicIdentities.Take(2), input.PublicIdentities[2] with { Barred = true }] };
        await host.Get<SubscriberProvisioningService>().CreateAsync(input, "test", default);

        var profile = await host.Get<ISubscriberDirectory>().FindByImpiAsync("001010000000001@IMS.example.org", default);

        Assert.NotNull(profile);
        Assert.Equal(TestSubscribers.TestSet1K, Convert.ToHexStringLower(profile.Aka!.K));
        Assert.Equal(TestSubscribers.TestSet1Opc, Convert.ToHexStringLower(profile.Aka.Opc));
        Assert.Equal("b9b9", Convert.ToHexStringLower(profile.Aka.Amf));
        Assert.Null(profile.Digest);
        Assert.Equal(AuthScheme.AkaV1Md5, profile.AllowedSchemes);
        Assert.Equal(["sip:001010000000001@ims.example.org", "tel:+15550000001"],
            profile.ImplicitRegistrationSet("tel:+15550000001").Select(p => p.Uri).Order());
        Assert.True(Assert.Single(profile.ImplicitRegistrationSet("sip:001010000000001-other@ims.example.org")).Barred);
        Assert.True(profile.Owns("tel:+15550000001"));
        Assert.False(profile.Owns("sip:someone@ims.example.org"));
        Assert.True(profile.Roaming.Allows(null));
        Assert.True(profile.Roaming.Allows("\"Visited.example.net\""));
        Assert.False(profile.Roaming.Allows("other.example.net"));
        Assert.DoesNotContain(TestSubscribers.TestSet1K, profile.ToString());
        Assert.Null(await host.Get<ISubscriberDirectory>().FindByImpiAsync("unknown@ims.example.org", default));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task DigestProfileCarriesHa1ForTheRealmAndNeverThePassword(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.Get<SubscriberProvisioningService>().CreateAsync(TestSubscribers.Digest(), "test", default);

        var profile = (await host.Get<ISubscriberDirectory>().FindByImpiAsync("alice", default))!;

        Assert.Equal(ImsLabTestRealm, profile.Digest!.Realm);
        Assert.Equal(DigestHa1.Compute(DigestHashFunction.Md5, "alice", ImsLabTestRealm, "alice-secret"), profile.Digest.Ha1Md5);
        Assert.Equal(DigestHa1.Compute(DigestHashFunction.Sha256, "alice", ImsLabTestRealm, "alice-secret"), profile.Digest.Ha1Sha256);
        Assert.DoesNotContain(profile.Digest.Ha1Md5!, profile.ToString());
    }

    private const string ImsLabTestRealm = "ims.mnc001.mcc001.3gppnetwork.org";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ImpuLookupFindsTheOwnerAndReportsASharedImpuAsAmbiguous(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var provisioning = host.Get<SubscriberProvisioningService>();
        var first = TestSubscribers.Aka() with { Subscription = "family" };
        var second = TestSubscribers.Aka("001010000000009") with
        {
            Subscription = "family",
            PublicIdentities = [new PublicIdentityInput { Uri = "sip:001010000000001@ims.example.org" }, new PublicIdentityInput { Uri = "sip:second@ims.example.org" }],
        };
        Assert.IsType<ProvisioningResult<SubscriberView>.Created>(await provisioning.CreateAsync(first, "test", default));
        Assert.IsType<ProvisioningResult<SubscriberView>.Created>(await provisioning.CreateAsync(second, "test", default));
        var directory = host.Get<ISubscriberDirectory>();

        var owned = await directory.FindByImpuAsync("<sip:second@IMS.EXAMPLE.ORG;user=phone>", default);
        Assert.Equal(ImpuLookupOutcome.Found, owned.Outcome);
        Assert.Equal(second.Impi, owned.Profile!.Impi);

        var shared = await directory.FindByImpuAsync("sip:001010000000001@ims.example.org", default);
        Assert.Equal(ImpuLookupOutcome.Ambiguous, shared.Outcome);
        Assert.Null(shared.Profile);
        Assert.Equal([first.Impi, second.Impi], shared.CandidateImpis);
        Assert.Equal([second.Impi], (await provisioning.GetAsync(first.Impi, default))!.PublicIdentities.Single(p => p.Uri == "sip:001010000000001@ims.example.org").SharedWith);

        Assert.Equal(ImpuLookupOutcome.NotFound, (await directory.FindByImpuAsync("sip:nobody@ims.example.org", default)).Outcome);
        Assert.Equal(ImpuLookupOutcome.NotFound, (await directory.FindByImpuAsync("not a uri", default)).Outcome);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CacheServesFromMemoryUntilProvisioningChangesTheSubscriber(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var provisioning = host.Get<SubscriberProvisioningService>();
        var input = TestSubscribers.Aka();
        await provisioning.CreateAsync(input, "test", default);
        var directory = host.Get<ISubscriberDirectory>();
        Assert.Null(await directory.FindByImpiAsync("late@ims.example.org", default));
        Assert.True((await directory.FindByImpiAsync(input.Impi, default))!.Enabled);
        Assert.Equal(ImpuLookupOutcome.Found, (await directory.FindByImpuAsync("tel:+15550000001", default)).Outcome);

        // A change behind the service's back is not seen: proof that the cache, not the database, answered.
        await using (var db = host.Contexts.CreateDbContext())
        {
            await db.PrivateIdentities.ExecuteUpdateAsync(s => s.SetProperty(p => p.Enabled, false));
        }
        Assert.True((await directory.FindByImpiAsync(input.Impi, default))!.Enabled);

        var before = (await directory.FindByImpiAsync(input.Impi, default))!.Version;
        await provisioning.PatchAsync(input.Impi, new SubscriberPatch { Barred = new Dictionary<string, bool> { ["tel:+15550000001"] = true } }, "test", default);
        var after = (await directory.FindByImpiAsync(input.Impi, default))!;
        Assert.False(after.Enabled);
        Assert.True(after.Find("tel:+15550000001")!.Barred);
        Assert.True(after.Version > before);
        Assert.True((await directory.FindByImpuAsync("tel:+15550000001", default)).Profile!.Find("tel:+15550000001")!.Barred);

        Assert.IsType<ProvisioningResult<SubscriberView>.Created>(await provisioning.CreateAsync(
            TestSubscribers.Aka("late") with { PublicIdentities = [new PublicIdentityInput { Uri = "sip:late@ims.example.org" }] }, "test", default));
        Assert.NotNull(await directory.FindByImpiAsync("late@ims.example.org", default));

        await provisioning.DeleteAsync(input.Impi, "test", default);
        Assert.Null(await directory.FindByImpiAsync(input.Impi, default));
        Assert.Equal(ImpuLookupOutcome.NotFound, (await directory.FindByImpuAsync("tel:+15550000001", default)).Outcome);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ImpuLookupLeavesTheProfileCachedForTheRegisterThatNamesTheImpi(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var input = TestSubscribers.Aka();
        await host.Get<SubscriberProvisioningService>().CreateAsync(input, "test", default);
        var directory = host.Get<ISubscriberDirectory>();

        // A first REGISTER without Authorization: the IMPI is derived from the IMPU (TS 24.229 5.4.1.2.1).
        Assert.Equal(input.Impi, (await directory.FindByImpuAsync("tel:+15550000001", default)).Profile!.Impi);
        await using (var db = host.Contexts.CreateDbContext())
        {
            await db.PrivateIdentities.ExecuteUpdateAsync(s => s.SetProperty(p => p.Enabled, false));
        }

        // The challenged REGISTER names the IMPI: the profile loaded by the IMPU lookup answers, not the database.
        Assert.True((await directory.FindByImpiAsync(input.Impi, default))!.Enabled);
    }
}
