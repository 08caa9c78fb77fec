using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace ImsLab.Web.Services.Provisioning;

/// <summary>
/// The signed-in person as the provisioning pages see them: the name recorded in the audit log and whether they may
/// change anything. Pages hide edit actions from viewers and ask again before every change, so a viewer whose
/// circuit somehow reaches a handler is still refused on the server.
/// </summary>
/// <param name="Name">The audit actor: the user name.</param>
/// <param name="CanEdit">True for administrators.</param>
public sealed record DashboardActor(string Name, bool CanEdit)
{
    /// <summary>The host's policy that allows changes (ImsLab.Api.Auth.ImsLabPolicies.Admin).</summary>
    public const string AdminPolicy = "Admin";

    /// <summary>The host's read-only policy (ImsLab.Api.Auth.ImsLabPolicies.Viewer).</summary>
    public const string ViewerPolicy = "Viewer";

    /// <summary>What a viewer is told when a change is refused.</summary>
    public const string ReadOnlyMessage = "Your role is read-only: ask an administrator to make this change.";

    /// <summary>Evaluates the current authentication state against the admin policy.</summary>
    public static async Task<DashboardActor> ResolveAsync(Task<AuthenticationState> state, IAuthorizationService authorization)
    {
        var user = (await state).User;
        var admin = user.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(user, AdminPolicy)).Succeeded;
        return new DashboardActor(user.Identity?.Name ?? "anonymous", admin);
    }
}
