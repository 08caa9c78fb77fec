using System.Diagnostics;
using ImsLab.Data;
using ImsLab.Data.Provisioning;
using ImsLab.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ImsLab.Tests.Data.Provisioning;

[Collection(PostgresCollection.Name)]
public sealed class LargeSubscriberBaseTests(PgFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task PagingSortingAndSearchWorkOnTheServerWithOneHundredThousandSubscribers()
    {
        await using var host = await DataTestHost.CreateAsync(DatabaseProvider.PostgreSql, postgres);
        var load = Stopwatch.StartNew();
        await using (var db = host.Contexts.CreateDbContext())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(2));
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO ims_subscriptions (id, name, created_at)
                  SELECT md5('s' || g)::uuid, 'bulk-' || lpad(g::text, 6, '0'), now() FROM generate_series(1, 100000) g;
                INSERT INTO private_identities (id, subscription_id, impi, allowed_schemes, seq, enabled, version, created_at, updated_at, msisdn)
                  SELECT md5('p' || g)::uuid, md5('s' || g)::uuid, 'bulk' || lpad(g::text, 6, '0') || '@ims.example.org', 4, 0, g % 10 <> 0, 1,
                         now(), now(), '1555' || lpad(g::text, 7, '0')
                  FROM generate_series(1, 100000) g;
                INSERT INTO public_identities (id, subscription_id, uri, barred, can_register, implicit_set_id)
                  SELECT md5('u' || g)::uuid, md5('s' || g)::uuid, 'sip:bulk' || lpad(g::text, 6, '0') || '@ims.example.org', false, true, 1
                  FROM generate_series(1, 100000) g;
                INSERT INTO public_identity_links (private_identity_id, public_identity_id)
                  SELECT md5('p' || g)::uuid, md5('u' || g)::uuid FROM generate_series(1, 100000) g;
                ANALYZE;
                """);
        }
        output.WriteLine($"bulk insert of 100,000 subscribers: {load.ElapsedMilliseconds} ms");
        var provisioning = host.Get<SubscriberProvisioningService>();

        var timer = Stopwatch.StartNew();
        var middle = await provisioning.ListAsync(new SubscriberQuery { Skip = 50_000, Take = 50 }, default);
        output.WriteLine($"page at 50,000 by IMPI: {timer.ElapsedMilliseconds} ms");
        Assert.Equal(100_000, middle.Total);
        Assert.Equal(50, middle.Items.Count);
        Assert.Equal("bulk050001@ims.example.org", middle.Items[0].Impi);
        Assert.Equal("sip:bulk050001@ims.example.org", Assert.Single(middle.Items[0].PublicIdentities).Uri);

        timer.Restart();
        var byMsisdn = await provisioning.ListAsync(new SubscriberQuery { SortBy = SubscriberSort.Msisdn, Descending = true, Take = 3 }, default);
        output.WriteLine($"first page by MSISDN descending: {timer.ElapsedMilliseconds} ms");
        Assert.Equal(["15550100000", "15550099999", "15550099998"], byMsisdn.Items.Select(i => i.Msisdn));

        timer.Restart();
        var search = await provisioning.ListAsync(new SubscriberQuery { Search = "bulk09999", Enabled = true }, default);
        output.WriteLine($"search over IMPI, IMPU, subscription, MSISDN: {timer.ElapsedMilliseconds} ms");
        Assert.Equal(9, search.Total);
        Assert.DoesNotContain(search.Items, i => i.Impi == "bulk099990@ims.example.org");
    }
}
