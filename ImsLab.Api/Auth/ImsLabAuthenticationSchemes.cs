namespace ImsLab.Api.Auth;

/// <summary>Names of the authentication schemes.</summary>
internal static class ImsLabAuthenticationSchemes
{
    /// <summary>The default: picks <see cref="ApiKey"/> when the request carries a key, <see cref="Cookie"/> otherwise.</summary>
    public const string Selector = "ImsLab";

    /// <summary>People: the dashboard login and POST /api/auth/login set it.</summary>
    public const string Cookie = "Cookies";

    /// <summary>Automation: "Authorization: Bearer &lt;key&gt;" or "X-Api-Key: &lt;key&gt;".</summary>
    public const string ApiKey = "ApiKey";
}
