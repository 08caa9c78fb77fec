using ImsLab.Data.Provisioning;

namespace ImsLab.Api.Subscribers;

/// <summary>
/// A subscriber as answered: the request's shape, with secrets replaced by whether they are set (kSet, opSet,
/// opcSet, passwordSet), never their values.
/// </summary>
internal sealed record SubscriberResponse(
    string Impi,
    string Subscription,
    bool Enabled,
    IReadOnlyList<ImpuResponse> Impus,
    AuthResponse Auth,
    RoamingBody Roaming,
    string? Imsi,
    string? Msisdn,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static SubscriberResponse From(SubscriberView view) => new(
        view.Impi,
        view.Subscription,
        view.Enabled,
        [.. view.PublicIdentities.Select(p => new ImpuResponse(p.Uri, p.Barred, p.ImplicitSetId, p.ServiceProfile, p.CanRegister, p.SharedWith))],
        new AuthResponse(AuthSchemeNames.Format(view.AllowedSchemes), view.KSet, view.OpSet, view.OpcSet, view.Amf, view.Sqn, view.PasswordSet,
            view.DigestRealm),
        new RoamingBody(view.AllowedVisitedNetworks),
        view.Imsi,
        view.Msisdn,
        view.Version,
        view.CreatedAt,
        view.UpdatedAt);
}
