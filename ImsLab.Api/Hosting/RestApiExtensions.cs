using System.Text.Json.Serialization;
using ImsLab.Api.Events;
using ImsLab.Api.Registrations;
using ImsLab.Api.ServiceProfiles;
using ImsLab.Api.Subscribers;

namespace ImsLab.Api.Hosting;

internal static class RestApiExtensions
{
    /// <summary>JSON of the REST API: enums by name ("Cnf", "SessionContinued"), which scripts can read and write.</summary>
    public static IServiceCollection AddImsLabRestApi(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

    /// <summary>The provisioning and monitoring endpoints of the REST API (issue 6).</summary>
    public static IEndpointRouteBuilder MapImsLabRestApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSubscribersApi();
        endpoints.MapNetworkProceduresApi();
        endpoints.MapServiceProfilesApi();
        endpoints.MapRegistrationsApi();
        endpoints.MapEventsApi();
        return endpoints;
    }
}
