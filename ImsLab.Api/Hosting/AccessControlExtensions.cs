using System.Threading.RateLimiting;
using ImsLab.Api.Auth;
using ImsLab.Api.Hosting.Configuration;
using ImsLab.Api.Operations.Metrics;
using ImsLab.Web.Components;
using ImsLab.Web.Components.Pages.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ImsLab.Api.Hosting;

internal static class AccessControlExtensions
{
    /// <summary>Rate-limiter policy on the endpoints that check a password.</summary>
    public const string LoginRateLimitPolicy = "login";

    private const string DataProtectionKeysFolder = "data-protection-keys";

    public static WebApplicationBuilder AddImsLabAccessControl(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // The cookie is encrypted with data-protection keys; kept in the data folder they survive restarts (and
        // container re-creation with a mounted volume), so people stay logged in across an upgrade.
        var dataDirectory = builder.Configuration[$"{ImsLabOptions.SectionName}:{nameof(ImsLabOptions.DataDirectory)}"];
        services.AddDataProtection()
            .SetApplicationName("ImsLab")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(
                Path.GetFullPath(string.IsNullOrWhiteSpace(dataDirectory) ? new ImsLabOptions().DataDirectory : dataDirectory),
                DataProtectionKeysFolder)));
        services.AddAuthentication(ImsLabAuthenticationSchemes.Selector)
            .AddPolicyScheme(ImsLabAuthenticationSchemes.Selector, "Cookie or API key", options =>
                options.ForwardDefaultSelector = context => ApiKeyHeaders.TryRead(context.Request, out _)
                    ? ImsLabAuthenticationSchemes.ApiKey
                    : ImsLabAuthenticationSchemes.Cookie)
            .AddCookie(ImsLabAuthenticationSchemes.Cookie, options =>
            {
                options.Cookie.Name = "ImsLab.Auth";
                options.Cookie.HttpOnly = true;
                // Strict: no other site can make the browser send it, which is what protects the form posts.
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                options.LoginPath = DashboardPaths.Login;
                options.AccessDeniedPath = DashboardPaths.AccessDenied;
                options.ReturnUrlParameter = "returnUrl";
                options.Events.OnRedirectToLogin = context => IsApiRequest(context.Request)
                    ? ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized",
                        "Log in (POST /api/auth/login) or send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.").AsTask()
                    : RedirectAsync(context);
                options.Events.OnRedirectToAccessDenied = context => IsApiRequest(context.Request)
                    ? ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden",
                        "Your role does not allow this operation.").AsTask()
                    : RedirectAsync(context);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ImsLabAuthenticationSchemes.ApiKey, _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(ImsLabPolicies.Admin, policy => policy.RequireRole(ImsLabRoles.Admin))
            .AddPolicy(ImsLabPolicies.Viewer, policy => policy.RequireRole(ImsLabRoles.Admin, ImsLabRoles.Viewer));

        services.AddSingleton<FailedApiKeyAttemptLimiter>();
        services.AddSingleton<PasswordSignIn>();
        // After AddImsLabData: hosted services start in order, so the schema is migrated before this runs.
        services.AddHostedService<FirstAdministrator>();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(LoginRateLimitPolicy, context =>
            {
                var security = context.RequestServices.GetRequiredService<IOptions<ImsLabOptions>>().Value.Security;
                return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = security.LoginAttemptsPerWindow,
                    Window = security.AttemptWindow,
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                context.RequestServices.GetRequiredService<ApiMetrics>().RateLimited(LoginRateLimitPolicy);
                if (!IsApiRequest(context.Request))
                {
                    // The dashboard's login form: back to the page, which explains.
                    context.Response.Redirect($"{DashboardPaths.Login}?error={LoginError.TooManyAttempts}");
                    return;
                }

                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                await ProblemResponses.TooManyAttemptsAsync(context, retryAfter);
            };
        });
        return builder;
    }

    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);

    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
