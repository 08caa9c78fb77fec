using ImsLab.Data.Provisioning;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Tests.Data.Provisioning;

/// <summary>Valid inputs the provisioning tests start from.</summary>
internal static class TestSubscribers
{
    public const string TestSet1K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    public const string TestSet1Op = "cdc202d5123e20f62b6d676ac72cb318";
    public const string TestSet1Opc = "cd63cb71954a9f4e48a5994e37a02baf";

    public static SubscriberInput Aka(string user = "001010000000001", string domain = "ims.example.org") => new()
    {
        Impi = $"{user}@{domain}",
        AllowedSchemes = AuthScheme.AkaV1Md5,
        K = TestSet1K,
        Op = TestSet1Op,
        Amf = "b9b9",
        Sqn = "000000000020",
        Imsi = "001010000000001",
        Msisdn = "15550000001",
        PublicIdentities =
        [
            new PublicIdentityInput { Uri = $"sip:{user}@{domain}" },
            new PublicIdentityInput { Uri = $"tel:+1555{user.PadLeft(7, '0')[^7..]}" },
            new PublicIdentityInput { Uri = $"sip:{user}-other@{domain}", ImplicitSetId = 2 },
        ],
    };

    public static SubscriberInput Digest(string user = "alice", string password = "alice-secret") => new()
    {
        Impi = user,
        AllowedSchemes = AuthScheme.Md5 | AuthScheme.Sha256,
        Password = password,
        PublicIdentities = [new PublicIdentityInput { Uri = $"sip:{user}@ims.example.org" }],
    };
}
