using ImsLab.Sip.Subscribers;

namespace ImsLab.Api.Registrations;

/// <summary>
/// A live binding: contact, expiry, flow, user agent, instance, feature tags and access network info (TS 24.229
/// 5.4.1.2, RFC 5626, RFC 7315). <paramref name="ExpiresIn"/> is the whole seconds left when the answer was made.
/// </summary>
internal sealed record RegistrationResponse(
    Guid Id,
    string Impu,
    string Impi,
    string Contact,
    string ContactParameters,
    DateTimeOffset ExpiresAt,
    long ExpiresIn,
    float? Q,
    string? InstanceId,
    int? RegId,
    IReadOnlyList<string> FeatureTags,
    IReadOnlyList<string> Path,
    string Flow,
    string? UserAgent,
    string? AccessNetworkInfo,
    string? VisitedNetwork,
    DateTimeOffset RegisteredAt,
    DateTimeOffset RefreshedAt,
    bool ReauthenticationRequired)
{
    public static RegistrationResponse From(RegistrationBinding binding, DateTimeOffset now) => new(
        binding.Id, binding.Impu, binding.Impi, binding.ContactUri, binding.ContactParameters, binding.ExpiresAt,
        Math.Max(0, (long)Math.Floor((binding.ExpiresAt - now).TotalSeconds)), binding.Q, binding.InstanceId, binding.RegId,
        binding.FeatureTags, binding.Path, binding.Flow.ToString(), binding.UserAgent, binding.AccessNetworkInfo, binding.VisitedNetwork,
        binding.RegisteredAt, binding.RefreshedAt, binding.ReauthenticationRequired);
}
