using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Tests.EndToEnd;

/// <summary>The subscribers the end-to-end tests register, modelled on TS 24.228 6.2's user1.</summary>
internal static class TestSubscribers
{
    public const string Realm = "home1.net";
    public const string AkaImpi = "user1_private@home1.net";
    public const string AkaImpu = "sip:user1_public1@home1.net";
    public const string AkaImpu2 = "sip:user1_public2@home1.net";
    public const string AkaTel = "tel:+358504821437";
    public const string BarredImpu = "sip:user1_barred@home1.net";
    public const string HiddenImpu = "sip:user1_hidden@home1.net";
    public const string Md5Impi = "alice@home1.net";
    public const string Md5Impu = "sip:alice@home1.net";
    public const string Md5Password = "alice-secret";
    public const string PasswordImpi = "bob@home1.net";
    public const string PasswordImpu = "sip:bob@home1.net";
    public const string PasswordSecret = "bob-secret";
    public const string RoamerImpi = "roamer@home1.net";
    public const string RoamerImpu = "sip:roamer@home1.net";

    // TS 35.208 test set 1 (the auth branch checks these values against the published vectors).
    public static readonly byte[] K = Convert.FromHexString("465b5ce8b199b49faa5f0a2ee238a6bc");
    public static readonly byte[] Opc = Convert.FromHexString("cd63cb71954a9f4e48a5994e37a02baf");
    public static readonly byte[] Amf = Convert.FromHexString("b9b9");

    public static AkaCredentials AkaCredentials() => global::ImsLab.Sip.Authentication.Aka.AkaCredentials.FromOpc(K, Opc, Amf);

    public static SubscriberProfile Aka() => new()
    {
        Impi = AkaImpi, SubscriptionId = Guid.NewGuid(), SubscriptionName = "user1", Enabled = true,
        AllowedSchemes = AuthScheme.AkaV1Md5, Aka = AkaCredentials(), Roaming = RoamingPolicy.Any, Version = 1,
        PublicIdentities =
        [
            new(AkaImpu, false, true, 1, null),
            new(AkaImpu2, false, true, 1, null),
            new(AkaTel, false, true, 1, null),
            new(HiddenImpu, true, true, 1, null),
            new(BarredImpu, true, true, 2, null),
        ],
    };

    public static SubscriberProfile Md5() => new()
    {
        Impi = Md5Impi, SubscriptionId = Guid.NewGuid(), SubscriptionName = "alice", Enabled = true, AllowedSchemes = AuthScheme.Md5,
        Digest = new DigestSecrets(Md5Impi, Realm, DigestHa1.Compute(DigestHashFunction.Md5, Md5Impi, Realm, Md5Password), null),
        Roaming = RoamingPolicy.Any, Version = 1, PublicIdentities = [new(Md5Impu, false, true, 1, null)],
    };

    /// <summary>A password user as provisioning stores one: both HA1s, whatever the schemes allow (MD5 and SHA-256 by default).</summary>
    public static SubscriberProfile Password(AuthScheme schemes = AuthScheme.Md5 | AuthScheme.Sha256) => new()
    {
        Impi = PasswordImpi, SubscriptionId = Guid.NewGuid(), SubscriptionName = "bob", Enabled = true, AllowedSchemes = schemes,
        Digest = new DigestSecrets(PasswordImpi, Realm, DigestHa1.Compute(DigestHashFunction.Md5, PasswordImpi, Realm, PasswordSecret),
            DigestHa1.Compute(DigestHashFunction.Sha256, PasswordImpi, Realm, PasswordSecret)),
        Roaming = RoamingPolicy.Any, Version = 1, PublicIdentities = [new(PasswordImpu, false, true, 1, null)],
    };

    public static SubscriberProfile Roamer() => new()
    {
        Impi = RoamerImpi, SubscriptionId = Guid.NewGuid(), SubscriptionName = "roamer", Enabled = true, AllowedSchemes = AuthScheme.AkaV1Md5,
        Aka = AkaCredentials(), Roaming = new RoamingPolicy(["visited1.net"]), Version = 1,
        PublicIdentities = [new(RoamerImpu, false, true, 1, null)],
    };
}
