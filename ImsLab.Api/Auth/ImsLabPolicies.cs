namespace ImsLab.Api.Auth;

/// <summary>Authorization policies; admin satisfies both.</summary>
internal static class ImsLabPolicies
{
    /// <summary>Changes anything, manages API keys.</summary>
    public const string Admin = "Admin";

    /// <summary>Reads subscriber data and uses the lab tools.</summary>
    public const string Viewer = "Viewer";
}
