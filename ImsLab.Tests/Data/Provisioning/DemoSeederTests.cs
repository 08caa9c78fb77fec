using ImsLab.Data;
using ImsLab.Data.Provisioning;
using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Data.Provisioning;

[Collection(PostgresCollection.Name)]
public sealed class DemoSeederTests(PgFixture postgres)
{
    private static readonly Dictionary<string, string?> SeedOn = new() { ["ImsLab:Demo:Seed"] = "true" };

    [Fact]
    public async Task SeedIsOffUnlessAskedFor()
    {
        await using var host = await DataTestHost.CreateAsync(DatabaseProvider.Sqlite, postgres);
        Assert.Equal(0, (await host.Get<SubscriberProvisioningService>().ListAsync(new SubscriberQuery(), default)).Total);
    }

    [Fact]
    public async Task SeedCreatesTheDemoSubscribersOnceAndTheirCredentialsWork()
    {
        await using var host = await DataTestHost.CreateAsync(DatabaseProvider.Sqlite, postgres, settings: SeedOn);
        await host.Get<ImsLabDatabaseInitializer>().InitializeAsync(default);

        Assert.Equal(4, (await host.Get<SubscriberProvisioningService>().ListAsync(new SubscriberQuery(), default)).Total);
        var directory = host.Get<ISubscriberDirectory>();
        var sim = (await directory.FindByImpiAsync("001010000000001@ims.mnc001.mcc001.3gppnetwork.org", default))!;
        Assert.Equal("cd63cb71954a9f4e48a5994e37a02baf", Convert.ToHexStringLower(sim.Aka!.Opc));
        Assert.Equal(["sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org", "tel:+15550000001"],
            sim.ImplicitRegistrationSet("tel:+15550000001").Select(p => p.Uri).Order());

        var sipp = (await directory.FindByImpiAsync("001010000000002@ims.mnc001.mcc001.3gppnetwork.org", default))!;
        byte[] forbidden = [0x00, 0x0a, 0x0d, 0x5b, 0x5c];
        Assert.DoesNotContain(sipp.Aka!.K.ToArray(), forbidden.Contains);
        Assert.DoesNotContain(Convert.FromHexString(DemoSeeder.Subscribers[1].Op!), forbidden.Contains);
        Assert.DoesNotContain(sipp.Aka.Amf.ToArray(), forbidden.Contains);

        var alice = (await directory.FindByImpiAsync("alice", default))!;
        Assert.Equal(DigestHa1.Compute(DigestHashFunction.Md5, "alice", alice.Digest!.Realm, "alice-secret"), alice.Digest.Ha1Md5);
        Assert.Equal("ims.mnc001.mcc001.3gppnetwork.org", alice.Digest.Realm);
    }
}
