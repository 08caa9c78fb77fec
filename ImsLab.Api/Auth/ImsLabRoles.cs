using ImsLab.Data.Access;

namespace ImsLab.Api.Auth;

/// <summary>Role claim values, one per <see cref="UserRole"/>, as they also appear in JSON.</summary>
internal static class ImsLabRoles
{
    public const string Admin = "admin";
    public const string Viewer = "viewer";

    public static string Of(UserRole role) => role == UserRole.Admin ? Admin : Viewer;

    public static bool TryParse(string? text, out UserRole role)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case Admin:
                role = UserRole.Admin;
                return true;
            case Viewer:
                role = UserRole.Viewer;
                return true;
            default:
                role = default;
                return false;
        }
    }
}
