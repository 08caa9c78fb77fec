namespace ImsLab.Api.Auth;

/// <summary>Role claim values.</summary>
internal static class ImsLabRoles
{
    public const string Admin = "admin";
    public const string Viewer = "viewer";
}
