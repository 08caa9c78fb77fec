using System.Net.Http.Json;
using System.Text;
using ImsLab.Data.Provisioning;

namespace ImsLab.Tests.Api.Subscribers;

/// <summary>K, OP, OPc and passwords are write-only: no answer of any endpoint carries them, only "set" flags.</summary>
public sealed class SecretsNeverInResponsesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task NoResponseOfAnyEndpointContainsAProvisionedKeyOrPassword()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (aka, akaImpu) = SubscriberBodies.NewIdentity("secret");
        var (digest, digestImpu) = SubscriberBodies.NewIdentity("secret");
        var (imported, importedImpu) = SubscriberBodies.NewIdentity("secret");
        var bodies = new List<(string What, string Body)>();
        async Task Record(string what, Task<HttpResponseMessage> call) => bodies.Add((what, await (await call).Content.ReadAsStringAsync()));
        var akaPath = SubscriberBodies.PathOf(aka);

        await Record("create aka", admin.PostAsJsonAsync("/api/subscribers", SubscriberBodies.Aka(aka, akaImpu)));
        await Record("create digest", admin.PostAsJsonAsync("/api/subscribers", SubscriberBodies.Digest(digest, digestImpu)));
        await Record("conflict", admin.PostAsJsonAsync("/api/subscribers", SubscriberBodies.Aka(aka, akaImpu)));
        await Record("invalid", admin.PostAsJsonAsync("/api/subscribers", new
        {
            impi = "bad impi", impus = Array.Empty<object>(), auth = new { k = SubscriberBodies.K, op = SubscriberBodies.Op, opc = SubscriberBodies.Opc, password = SubscriberBodies.Password },
        }));
        await Record("get", admin.GetAsync(akaPath));
        await Record("list", admin.GetAsync("/api/subscribers?search=secret"));
        await Record("put", admin.PutAsJsonAsync(akaPath, SubscriberBodies.Aka(aka, akaImpu)));
        await Record("patch", admin.PatchAsJsonAsync(akaPath, new { auth = new { k = SubscriberBodies.OtherK, opc = SubscriberBodies.Opc } }));
        await Record("patch invalid", admin.PatchAsJsonAsync(akaPath, new { auth = new { k = SubscriberBodies.OtherK + "0", password = "" } }));
        await Record("patch password", admin.PatchAsJsonAsync(SubscriberBodies.PathOf(digest), new { auth = new { password = SubscriberBodies.Password } }));
        await Record("export json", admin.GetAsync("/api/subscribers/export"));
        await Record("export csv", admin.GetAsync("/api/subscribers/export?format=csv"));
        await Record("import csv", admin.PostAsync("/api/subscribers/import", new StringContent(SubscriberCsv.Header + "\r\n"
            + $"{imported},,AKAv1-MD5 MD5,{SubscriberBodies.K},,{SubscriberBodies.Opc},,,{SubscriberBodies.Password},,,,,,true,{importedImpu},\r\n",
            Encoding.UTF8, "text/csv")));
        await Record("import rejected", admin.PostAsync("/api/subscribers/import", new StringContent(SubscriberCsv.Header + "\r\n"
            + $"{imported},,AKAv1-MD5,{SubscriberBodies.K}x,{SubscriberBodies.Op},{SubscriberBodies.Opc},,,{SubscriberBodies.Password},,,,,,maybe,{importedImpu},\r\n",
            Encoding.UTF8, "text/csv")));
        await Record("import json rejected", admin.PostAsJsonAsync("/api/subscribers/import", new object[]
        {
            new { impi = aka, auth = new { schemes = new[] { SubscriberBodies.K }, k = SubscriberBodies.K, password = SubscriberBodies.Password } },
        }));
        await Record("events", admin.GetAsync("/api/events?limit=1000"));
        await Record("registrations", admin.GetAsync("/api/registrations"));
        await Record("service profiles", admin.GetAsync("/api/service-profiles"));
        await Record("delete", admin.DeleteAsync(akaPath));

        Assert.Equal(19, bodies.Count);
        foreach (var (what, body) in bodies)
        {
            foreach (var secret in SubscriberBodies.Secrets)
            {
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{what} answered with a secret: {body}");
            }
        }
        Assert.Contains(bodies, b => b.What == "get" && b.Body.Contains("\"kSet\":true", StringComparison.Ordinal));
    }
}
