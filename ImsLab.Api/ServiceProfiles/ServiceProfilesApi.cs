using System.Security.Claims;
using ImsLab.Api.Auth;
using ImsLab.Data.Provisioning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ImsLab.Api.ServiceProfiles;

/// <summary>Service profiles with their initial filter criteria (TS 29.228 B.2): /api/service-profiles, by name.</summary>
internal static class ServiceProfilesApi
{
    public static RouteGroupBuilder MapServiceProfilesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/service-profiles")
            .WithTags("Service profiles")
            .RequireAuthorization(ImsLabPolicies.Viewer)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListServiceProfiles)
            .WithName(nameof(ListServiceProfiles))
            .WithSummary("Every service profile by name, with its criteria and how many IMPUs use it.");
        group.MapGet("/{name}", GetServiceProfile)
            .WithName(nameof(GetServiceProfile))
            .WithSummary("One service profile.");
        group.MapPost("/", CreateServiceProfile)
            .RequireAuthorization(ImsLabPolicies.Admin)
            .WithName(nameof(CreateServiceProfile))
            .WithSummary("Creates a service profile; 409 when the name is taken.");
        group.MapPut("/{name}", ReplaceServiceProfile)
            .RequireAuthorization(ImsLabPolicies.Admin)
            .WithName(nameof(ReplaceServiceProfile))
            .WithSummary("Replaces a profile's name and criteria; IMPUs using it follow.");
        group.MapDelete("/{name}", DeleteServiceProfile)
            .RequireAuthorization(ImsLabPolicies.Admin)
            .WithName(nameof(DeleteServiceProfile))
            .WithSummary("Deletes an unused profile; 409 while IMPUs use it.");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<ServiceProfileView>>> ListServiceProfiles(ServiceProfileService profiles, CancellationToken cancellationToken) =>
        TypedResults.Ok(await profiles.ListAsync(cancellationToken));

    public static async Task<Results<Ok<ServiceProfileView>, ProblemHttpResult>> GetServiceProfile(
        string name, ServiceProfileService profiles, CancellationToken cancellationToken) =>
        await profiles.GetAsync(name, cancellationToken) is { } view ? TypedResults.Ok(view) : NotFound($"service profile {name}");

    public static async Task<Results<Created<ServiceProfileView>, ValidationProblem, ProblemHttpResult>> CreateServiceProfile(
        ServiceProfileInput request, ClaimsPrincipal user, ServiceProfileService profiles, CancellationToken cancellationToken)
    {
        if (Nulls(request) is { Count: > 0 } nulls) return TypedResults.ValidationProblem(nulls);
        return await profiles.CreateAsync(request, ImsLabPrincipal.ActorOf(user), cancellationToken) switch
        {
            ProvisioningResult<ServiceProfileView>.Created(var view) => TypedResults.Created(Location(view.Name), view),
            ProvisioningResult<ServiceProfileView>.Invalid(var errors) => TypedResults.ValidationProblem(errors),
            var other => Problem(other),
        };
    }

    public static async Task<Results<Ok<ServiceProfileView>, ValidationProblem, ProblemHttpResult>> ReplaceServiceProfile(
        string name, ServiceProfileInput request, ClaimsPrincipal user, ServiceProfileService profiles, CancellationToken cancellationToken)
    {
        if (Nulls(request) is { Count: > 0 } nulls) return TypedResults.ValidationProblem(nulls);
        return await profiles.ReplaceAsync(name, request, ImsLabPrincipal.ActorOf(user), cancellationToken) switch
        {
            ProvisioningResult<ServiceProfileView>.Ok(var view) => TypedResults.Ok(view),
            ProvisioningResult<ServiceProfileView>.Invalid(var errors) => TypedResults.ValidationProblem(errors),
            var other => Problem(other),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteServiceProfile(
        string name, ClaimsPrincipal user, ServiceProfileService profiles, CancellationToken cancellationToken) =>
        await profiles.DeleteAsync(name, ImsLabPrincipal.ActorOf(user), cancellationToken) switch
        {
            ProvisioningResult<ServiceProfileView>.Ok => TypedResults.NoContent(),
            var other => Problem(other),
        };

    /// <summary>
    /// JSON nulls the service's types cannot hold (a null name, criterion, trigger or value): named here, as the service
    /// expects complete input.
    /// </summary>
    private static Dictionary<string, string[]> Nulls(ServiceProfileInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Name is null) errors["name"] = ["Required."];
        if (input.Criteria is null) errors["criteria"] = ["Use [] for none."];
        for (var i = 0; i < (input.Criteria?.Count ?? 0); i++)
        {
            var criterion = input.Criteria![i];
            if (criterion is null) errors[$"criteria[{i}]"] = ["Must not be null."];
            else if (criterion.ApplicationServerUri is null) errors[$"criteria[{i}].applicationServerUri"] = ["Required."];
            else if (criterion.Triggers is null) errors[$"criteria[{i}].triggers"] = ["Use [] for none."];
            else
            {
                for (var j = 0; j < criterion.Triggers.Count; j++)
                {
                    if (criterion.Triggers[j]?.Value is null) errors[$"criteria[{i}].triggers[{j}].value"] = ["Required."];
                }
            }
        }
        return errors;
    }

    private static ProblemHttpResult Problem(ProvisioningResult<ServiceProfileView> result) => result switch
    {
        ProvisioningResult<ServiceProfileView>.NotFound(var what) => NotFound(what),
        ProvisioningResult<ServiceProfileView>.Conflict(var field, var message) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
            title: "Conflict", detail: message, extensions: new Dictionary<string, object?> { ["field"] = field }),
        _ => throw new InvalidOperationException($"Unexpected outcome {result.GetType().Name} of a service profile change."),
    };

    private static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No {what}.");

    private static string Location(string name) => "/api/service-profiles/" + Uri.EscapeDataString(name);
}
