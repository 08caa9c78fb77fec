using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ImsLab.Tests.Api.Subscribers;

/// <summary>Request bodies in the issue 6 shape, and the secrets they carry (which no response may echo).</summary>
internal static class SubscriberBodies
{
    public const string Domain = "ims.mnc001.mcc001.3gppnetwork.org";

    // TS 35.208 test set 1: K and OP.
    public const string K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    public const string Op = "cdc202d5123e20f62b6d676ac72cb318";
    public const string OtherK = "0396eb317b6d1c36f19c1c84cd6ffd16";
    public const string Opc = "cd63cb71954a9f4e48a5994e37a02baf";
    public const string Password = "correct-horse-battery";

    public static IReadOnlyList<string> Secrets { get; } = [K, Op, OtherK, Opc, Password];

    /// <summary>A fresh IMPI and its IMPU, unique per call so tests sharing a host never collide.</summary>
    public static (string Impi, string Impu) NewIdentity(string tag = "user")
    {
        var user = tag + "-" + Guid.NewGuid().ToString("N")[..10];
        return ($"{user}@{Domain}", $"sip:{user}@{Domain}");
    }

    public static object Aka(string impi, string impu, string? extraImpu = null) => new
    {
        impi,
        impus = extraImpu is null
            ? new object[] { new { uri = impu, barred = false, implicitSet = 1 } }
            : [new { uri = impu, barred = false, implicitSet = 1 }, new { uri = extraImpu, barred = false, implicitSet = 1 }],
        auth = new { schemes = new[] { "AKAv1-MD5", "AKAv2-MD5" }, k = K, op = Op, amf = "8000", sqn = "000000000020" },
        roaming = new { allowedNetworks = (string[]?)null },
        imsi = "001010000000123",
        msisdn = "15550000123",
    };

    public static object Digest(string impi, string impu) => new
    {
        impi,
        impus = new[] { new { uri = impu } },
        auth = new { schemes = new[] { "MD5", "SHA-256" }, password = Password },
    };

    public static async Task<JsonElement> CreateAsync(HttpClient admin, object body)
    {
        var response = await admin.PostAsJsonAsync("/api/subscribers", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string PathOf(string impi) => "/api/subscribers/" + Uri.EscapeDataString(impi);
}
