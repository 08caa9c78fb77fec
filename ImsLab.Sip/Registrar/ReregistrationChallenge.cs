namespace ImsLab.Sip.Registrar;

/// <summary>
/// Whether a re-REGISTER that is NOT integrity-protected is challenged (TS 24.229 5.4.1.2.1: a protected one never is,
/// unless the network asked for re-authentication).
/// </summary>
public enum ReregistrationChallenge
{
    /// <summary>Challenge every unprotected re-registration.</summary>
    Always,

    /// <summary>Accept an unprotected re-registration from the same contact without a challenge while the IMPI's
    /// last successful authentication is younger than <see cref="RegistrarOptions.ReauthenticationWindow"/>.</summary>
    OutsideWindow,
}
