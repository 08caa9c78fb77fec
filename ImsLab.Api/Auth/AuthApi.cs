using System.Security.Claims;
using ImsLab.Api.Hosting;
using ImsLab.Data.Access;
using ImsLab.Web.Components;
using ImsLab.Web.Components.Pages.Account;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ImsLab.Api.Auth;

/// <summary>Password login and logout: JSON for scripts under /api/auth, HTML form posts for the dashboard under /account.</summary>
internal static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/auth").WithTags("Authentication");
        api.MapPost("/login", LogIn)
            .RequireRateLimiting(AccessControlExtensions.LoginRateLimitPolicy)
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Checks a user name and password and sets the authentication cookie.");
        api.MapPost("/logout", LogOut)
            .AllowAnonymous()
            .WithSummary("Clears the authentication cookie.");
        api.MapGet("/me", Me)
            .RequireAuthorization(ImsLabPolicies.Viewer)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Who the credentials of this request belong to, and their role.");

        var forms = endpoints.MapGroup("/account").ExcludeFromDescription();
        forms.MapPost("/login", LogInFromForm)
            .RequireRateLimiting(AccessControlExtensions.LoginRateLimitPolicy)
            .AllowAnonymous();
        // No antiforgery token: the interactive layout cannot render one, and the SameSite=Strict cookie already
        // keeps other sites from logging a user out.
        forms.MapPost("/logout", LogOutFromForm)
            .AllowAnonymous()
            .DisableAntiforgery();
        return endpoints;
    }

    public static async Task<Results<Ok<SignedInUser>, ValidationProblem, ProblemHttpResult>> LogIn(
        LoginRequest request, HttpContext context, PasswordSignIn signIn)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Username))
        {
            errors["username"] = ["A user name is required."];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["A password is required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await signIn.SignInAsync(context, request.Username!, request.Password!);
        return result switch
        {
            { Outcome: LoginOutcome.Succeeded, User: { } user } =>
                TypedResults.Ok(new SignedInUser(user.Username, ImsLabRoles.Of(user.Role), ImsLabAuthenticationSchemes.Cookie)),
            { Outcome: LoginOutcome.LockedOut } => TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "Account locked",
                detail: $"Too many failed logins; the account is locked until {result.LockedUntil:O}."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "Wrong user name or password."),
        };
    }

    public static async Task<NoContent> LogOut(HttpContext context, PasswordSignIn signIn)
    {
        await signIn.SignOutAsync(context);
        return TypedResults.NoContent();
    }

    public static Ok<SignedInUser> Me(ClaimsPrincipal user) =>
        TypedResults.Ok(new SignedInUser(ImsLabPrincipal.ActorOf(user), ImsLabPrincipal.RoleOf(user), user.Identity?.AuthenticationType ?? ""));

    public static async Task<RedirectHttpResult> LogInFromForm(
        [FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl, HttpContext context, PasswordSignIn signIn)
    {
        var back = LocalOrHome(returnUrl);
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password))
        {
            return TypedResults.LocalRedirect(LoginPage(LoginError.InvalidCredentials, back));
        }

        var result = await signIn.SignInAsync(context, username, password);
        return result.Outcome switch
        {
            LoginOutcome.Succeeded => TypedResults.LocalRedirect(back),
            LoginOutcome.LockedOut => TypedResults.LocalRedirect(LoginPage(LoginError.LockedOut, back)),
            _ => TypedResults.LocalRedirect(LoginPage(LoginError.InvalidCredentials, back)),
        };
    }

    public static async Task<RedirectHttpResult> LogOutFromForm(HttpContext context, PasswordSignIn signIn)
    {
        await signIn.SignOutAsync(context);
        return TypedResults.LocalRedirect(DashboardPaths.Login);
    }

    private static string LoginPage(string error, string returnUrl) =>
        $"{DashboardPaths.Login}?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    // Only local paths: an absolute returnUrl would make the login form an open redirect.
    private static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : DashboardPaths.Home;
}
