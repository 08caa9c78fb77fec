using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Registrar;

/// <summary>Which digest algorithms a 401 offers an IMPI, and which ones an answer may use.</summary>
internal static class ChallengeAlgorithms
{
    // RFC 8760 2.4 / RFC 7616 3.7: one challenge per algorithm, the most preferred first.
    private static readonly DigestAlgorithm[] PasswordPreference = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];
    private static readonly DigestAlgorithm[] AkaPreference = [DigestAlgorithm.AkaV1Md5, DigestAlgorithm.AkaV2Md5];

    /// <summary>True when the IMPI's schemes allow <paramref name="algorithm"/> and its secret for it is provisioned.</summary>
    public static bool Allows(SubscriberProfile profile, DigestAlgorithm algorithm)
    {
        var allowed = profile.AllowedSchemes;
        return algorithm switch
        {
            DigestAlgorithm.AkaV1Md5 => allowed.HasFlag(AuthScheme.AkaV1Md5) && profile.Aka is not null,
            DigestAlgorithm.AkaV2Md5 => allowed.HasFlag(AuthScheme.AkaV2Md5) && profile.Aka is not null,
            DigestAlgorithm.Md5 => allowed.HasFlag(AuthScheme.Md5) && profile.Digest?.Ha1Md5 is not null,
            DigestAlgorithm.Sha256 => allowed.HasFlag(AuthScheme.Sha256) && profile.Digest?.Ha1Sha256 is not null,
            _ => false,
        };
    }

    /// <summary>
    /// The algorithms to challenge with, in the order the 401 lists them; empty when the IMPI has no usable scheme.
    /// <list type="bullet">
    /// <item>An initial REGISTER whose Authorization names an allowed algorithm gets that one alone: TS 29.228 6.3.2
    /// lets the UE's choice reach the HSS, and a client that only reads the first challenge can ask this way.</item>
    /// <item>An AKA IMPI is challenged with AKA alone (TS 24.229 5.4.1.2.1, TS 33.203 6.1): a password challenge next
    /// to it would spend nothing on the UE's side and would invite a downgrade.</item>
    /// <item>A password IMPI gets every password algorithm it allows, SHA-256 first (RFC 8760 2.4), so that a client
    /// that only knows MD5 still finds its challenge. An answer in a password algorithm, wrong or stale, is met with
    /// the same set again, also for an IMPI that allows AKA as well.</item>
    /// </list>
    /// </summary>
    public static DigestAlgorithm[] For(SubscriberProfile profile, DigestCredentials? credentials)
    {
        // An empty initial Authorization without algorithm= names none (its RFC 2617 default of MD5 is not a choice).
        DigestAlgorithm? named = credentials is null || (credentials.IsUnchallenged && credentials.AlgorithmName is null)
            ? null
            : credentials.Algorithm;
        if (named is { } wanted && Allows(profile, wanted))
        {
            if (credentials!.IsUnchallenged || wanted.IsAka())
            {
                return [wanted];
            }
            return AllowedOf(profile, PasswordPreference);
        }
        foreach (var aka in AkaPreference)
        {
            if (Allows(profile, aka))
            {
                return [aka];
            }
        }
        return AllowedOf(profile, PasswordPreference);
    }

    private static DigestAlgorithm[] AllowedOf(SubscriberProfile profile, DigestAlgorithm[] preference) =>
        Array.FindAll(preference, algorithm => Allows(profile, algorithm));
}
