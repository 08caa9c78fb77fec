namespace ImsLab.Sip.Subscribers;

/// <summary>
/// What plain HTTP digest needs for one IMPI: HA1 = H(username ":" realm ":" password) per algorithm
/// (RFC 7616 3.4.2), precomputed at provisioning for the stored realm so the password itself is never kept.
/// Lowercase hex. <see cref="ToString"/> never shows the values.
/// </summary>
/// <param name="Username">The digest username, i.e. the IMPI.</param>
/// <param name="Realm">The realm the HA1 values were computed for; a challenge must use this realm.</param>
/// <param name="Ha1Md5">HA1 for MD5 and MD5-sess, 32 hex digits, or null when MD5 is not provisioned.</param>
/// <param name="Ha1Sha256">HA1 for SHA-256 and SHA-256-sess, 64 hex digits, or null when not provisioned.</param>
public sealed record DigestSecrets(string Username, string Realm, string? Ha1Md5, string? Ha1Sha256)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Username = {Username}, Realm = {Realm}, Ha1Md5 = {Mask(Ha1Md5)}, Ha1Sha256 = {Mask(Ha1Sha256)}");
        return true;
    }

    private static string Mask(string? value) => value is null ? "null" : "***";
}
