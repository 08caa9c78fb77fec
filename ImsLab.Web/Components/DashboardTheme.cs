namespace ImsLab.Web.Components;

/// <summary>The dashboard's two Radzen themes and the cookie that remembers the choice.</summary>
public static class DashboardTheme
{
    /// <summary>Light theme name.</summary>
    public const string Light = "material";

    /// <summary>Dark theme name.</summary>
    public const string Dark = "material-dark";

    /// <summary>Cookie written by Radzen's CookieThemeService when the user toggles the theme.</summary>
    public const string CookieName = "ImsLabTheme";

    /// <summary>The theme to render the first response with, so a dark-theme user never sees a light flash.</summary>
    public static string FromCookie(string? cookie) => cookie == Dark ? Dark : Light;
}
