using ImsLab.Api.Operations.Metrics;
using ImsLab.Data.Access;
using Microsoft.AspNetCore.Authentication;

namespace ImsLab.Api.Auth;

/// <summary>
/// Checks a password (AccessStore locks out and audits) and sets the authentication cookie. Both the dashboard's
/// login form and POST /api/auth/login go through here.
/// </summary>
internal sealed class PasswordSignIn(AccessStore access, ApiMetrics metrics, ILogger<PasswordSignIn> logger)
{
    private const string MetricsScheme = "password";

    public async Task<LoginResult> SignInAsync(HttpContext context, string username, string password)
    {
        var result = await access.VerifyPasswordAsync(username, password, context.RequestAborted);
        var client = ClientAddress.Of(context);
        if (result is { Outcome: LoginOutcome.Succeeded, User: { } user })
        {
            await context.SignInAsync(ImsLabAuthenticationSchemes.Cookie, ImsLabPrincipal.ForUser(user, ImsLabAuthenticationSchemes.Cookie));
            AccessLog.LoggedIn(logger, user.Username, client);
        }
        else
        {
            metrics.CredentialRejected(MetricsScheme, result.Outcome.ToString());
            AccessLog.LoginFailed(logger, username, client, result.Outcome.ToString());
        }

        return result;
    }

    public Task SignOutAsync(HttpContext context) => context.SignOutAsync(ImsLabAuthenticationSchemes.Cookie);
}
