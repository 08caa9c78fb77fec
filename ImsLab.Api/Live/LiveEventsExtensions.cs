using Microsoft.AspNetCore.SignalR;

namespace ImsLab.Api.Live;

/// <summary>Registration of the live events hub in the host.</summary>
internal static class LiveEventsExtensions
{
    /// <summary>The hub's path; clients append /negotiate themselves.</summary>
    public const string HubPath = "/hubs/registrations";

    /// <summary>SignalR, the hub's broadcasters. Call after AddImsLabSipEngine, which provides the bus and the statistics.</summary>
    public static IServiceCollection AddImsLabLiveEvents(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<HubLifetimeManager<RegistrationsHub>, LiveHubLifetimeManager>();
        services.AddSingleton<RegistrationEventsBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<RegistrationEventsBroadcaster>());
        services.AddHostedService<RegistrationCountersBroadcaster>();
        services.AddSingleton<LiveMetrics>();
        return services;
    }

    public static IEndpointRouteBuilder MapImsLabLiveEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ServiceProvider.GetRequiredService<LiveMetrics>(); // instruments exist from start-up, not from first use
        endpoints.MapHub<RegistrationsHub>(HubPath);
        return endpoints;
    }
}
