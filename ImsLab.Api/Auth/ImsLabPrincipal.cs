using System.Security.Claims;
using ImsLab.Data.Access;

namespace ImsLab.Api.Auth;

/// <summary>Builds the identities of people and API keys, and names them for the audit log.</summary>
internal static class ImsLabPrincipal
{
    public const string ApiKeyIdClaim = "imslab:api-key-id";
    private const string ApiKeyActorPrefix = "api-key:";

    public static ClaimsPrincipal ForUser(UserAccountInfo user, string scheme) => Build(user.Username, user.Role, scheme);

    public static ClaimsPrincipal ForApiKey(ApiKeyInfo key, string scheme) =>
        Build(ApiKeyActorPrefix + key.Name, key.Role, scheme, new Claim(ApiKeyIdClaim, key.Id.ToString()));

    /// <summary>Who to record in the audit log: the user name, or "api-key:{name}".</summary>
    public static string ActorOf(ClaimsPrincipal principal) => principal.Identity?.Name ?? "anonymous";

    public static string RoleOf(ClaimsPrincipal principal) =>
        principal.IsInRole(ImsLabRoles.Admin) ? ImsLabRoles.Admin : ImsLabRoles.Viewer;

    private static ClaimsPrincipal Build(string name, UserRole role, string scheme, params Claim[] more) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, ImsLabRoles.Of(role)), .. more],
            scheme, ClaimTypes.Name, ClaimTypes.Role));
}
