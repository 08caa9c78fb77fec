using ImsLab.Sip.Subscribers;

namespace ImsLab.Data.Provisioning;

/// <summary>A <see cref="SubscriberInput"/> after validation: normalized, decoded, HA1 computed. Null secrets mean "keep".</summary>
internal sealed record ValidatedSubscriber(
    string Impi,
    string Subscription,
    AuthScheme Schemes,
    byte[]? K,
    byte[]? Op,
    byte[]? Opc,
    byte[] Amf,
    long? Seq,
    string? DigestRealm,
    byte[]? Ha1Md5,
    byte[]? Ha1Sha256,
    string? Imsi,
    string? Msisdn,
    bool Enabled,
    IReadOnlyList<PublicIdentityInput> PublicIdentities,
    IReadOnlyList<string>? AllowedVisitedNetworks)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Impi = {Impi}, Subscription = {Subscription}, Schemes = {Schemes}");
        return true;
    }
}
