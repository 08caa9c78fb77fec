using ImsLab.Web.Components;
using ImsLab.Web.Services.Live;
using ImsLab.Web.Services.Tools;
using Radzen;

namespace ImsLab.Api.Hosting;

internal static class DashboardExtensions
{
    public static WebApplicationBuilder AddImsLabDashboard(this WebApplicationBuilder builder)
    {
        // `dotnet run` without launch settings runs as Production, where the static files of referenced
        // projects and packages (_content/...) are only found through the build's static web assets manifest.
        // Published output has no such manifest and this is then a no-op.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddRadzenComponents();
        services.AddSingleton<AkaTool>();
        services.AddScoped<CircuitRegistrationFeed>();
        // The chosen light/dark theme survives reloads and is applied before the first paint (no flash of the other theme).
        services.AddRadzenCookieThemeService(options =>
        {
            options.Name = DashboardTheme.CookieName;
            options.Duration = TimeSpan.FromDays(365);
        });
        return builder;
    }

    /// <summary>
    /// Empty error responses get a body: RFC 9457 ProblemDetails under /api and /hubs, the dashboard's styled
    /// status page (re-executed, same URL) everywhere else.
    /// </summary>
    public static WebApplication UseImsLabStatusCodePages(this WebApplication app)
    {
        app.UseWhen(context => AccessControlExtensions.IsApiRequest(context.Request), api => api.UseStatusCodePages());
        app.UseWhen(context => !AccessControlExtensions.IsApiRequest(context.Request),
            pages => pages.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true));
        return app;
    }

    public static WebApplication MapImsLabDashboard(this WebApplication app)
    {
        app.MapStaticAssets();
        // The Overview page is routed at "/" itself, so the bare address needs no redirect.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
