using System.Security.Claims;
using ImsLab.Data.Access;

namespace ImsLab.Api.Auth;

/// <summary>Builds the identities of people and API keys, and names them for the audit log.</summary>
internal static class ImsLabPrincipal
{
    public const string ApiKeyIdClaim = "imslab:api-key-id";
    private const string ApiKeyActorPrefix = "api-key:";

    public static ClaimsPrincipal ForUser(UserAccountInfo user, string scheme) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Username), new Claim(ClaimTypes.Role, ImsLabRoles.Of(user.Role))],
            scheme, ClaimTypes.Name, ClaimTypes.Role));

    public static ClaimsPrincipal ForApiKey(ApiKeyInfo key, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, ApiKeyActorPrefix + key.Name),
                new Claim(ClaimTypes.Role, ImsLabRoles.Of(key.Role)),
                new Claim(ApiKeyIdClaim, key.Id.ToString()),
            ],
            scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Who to record in the audit log: the user name, or "api-key:{name}".</summary>
    public static string ActorOf(ClaimsPrincipal principal) => principal.Identity?.Name ?? "anonymous";

    public static string RoleOf(ClaimsPrincipal principal) =>
        principal.IsInRole(ImsLabRoles.Admin) ? ImsLabRoles.Admin : ImsLabRoles.Viewer;
}
