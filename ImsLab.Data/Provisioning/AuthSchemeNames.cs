using ImsLab.Sip.Subscribers;

namespace ImsLab.Data.Provisioning;

/// <summary>
/// The names of the authentication schemes in files and JSON: the algorithm names of the WWW-Authenticate header
/// (RFC 3310 3.1 "AKAv1-MD5", RFC 4169 "AKAv2-MD5", RFC 7616 3.3 "MD5" and "SHA-256"), so users write what they see on the wire.
/// </summary>
public static class AuthSchemeNames
{
    /// <summary>Every scheme with its name, in the order lists are written.</summary>
    public static IReadOnlyList<(AuthScheme Scheme, string Name)> All { get; } =
        [(AuthScheme.AkaV1Md5, "AKAv1-MD5"), (AuthScheme.AkaV2Md5, "AKAv2-MD5"), (AuthScheme.Md5, "MD5"), (AuthScheme.Sha256, "SHA-256")];

    /// <summary>The names of the schemes in <paramref name="schemes"/>.</summary>
    public static IReadOnlyList<string> Format(AuthScheme schemes) => [.. All.Where(n => schemes.HasFlag(n.Scheme)).Select(n => n.Name)];

    /// <summary>Reads one name (case-insensitive), also accepting the enum member name ("AkaV1Md5").</summary>
    public static bool TryParse(string name, out AuthScheme scheme)
    {
        foreach (var (candidate, text) in All)
        {
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase) || string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                scheme = candidate;
                return true;
            }
        }
        scheme = AuthScheme.None;
        return false;
    }
}
