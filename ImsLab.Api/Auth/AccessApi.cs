using System.Security.Claims;
using ImsLab.Data.Access;
using ImsLab.Data.Provisioning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ImsLab.Api.Auth;

/// <summary>API keys for automation: /api/keys, administrators only.</summary>
internal static class AccessApi
{
    public static RouteGroupBuilder MapAccessApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/keys")
            .WithTags("API keys")
            .RequireAuthorization(ImsLabPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/", CreateApiKey)
            .WithName(nameof(CreateApiKey))
            .WithSummary("Creates a key; the clear key is in this response only and is stored hashed.");
        group.MapGet("/", ListApiKeys)
            .WithName(nameof(ListApiKeys))
            .WithSummary("Every key, newest first, with its prefix, role, creation, last use and revocation.");
        group.MapDelete("/{id:guid}", RevokeApiKey)
            .WithName(nameof(RevokeApiKey))
            .WithSummary("Revokes a key at once.");
        return group;
    }

    public static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem>> CreateApiKey(
        CreateApiKeyRequest request, ClaimsPrincipal user, AccessStore access, CancellationToken cancellationToken)
    {
        if (!ImsLabRoles.TryParse(request.Role, out var role))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["role"] = [$"Must be \"{ImsLabRoles.Admin}\" or \"{ImsLabRoles.Viewer}\"."],
            });
        }

        var result = await access.CreateApiKeyAsync(request.Name ?? "", role, ImsLabPrincipal.ActorOf(user), cancellationToken);
        return result switch
        {
            ProvisioningResult<CreatedApiKey>.Created(var created) => TypedResults.Created(
                $"/api/keys/{created.Info.Id}", new CreatedApiKeyResponse(ApiKeyResponse.From(created.Info), created.Key)),
            ProvisioningResult<CreatedApiKey>.Invalid(var errors) => TypedResults.ValidationProblem(errors.ToDictionary()),
            _ => throw new InvalidOperationException($"Unexpected outcome {result.GetType().Name} of creating an API key."),
        };
    }

    public static async Task<Ok<ApiKeyResponse[]>> ListApiKeys(AccessStore access, CancellationToken cancellationToken)
    {
        var keys = await access.ListApiKeysAsync(cancellationToken);
        return TypedResults.Ok(keys.Select(ApiKeyResponse.From).ToArray());
    }

    public static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> RevokeApiKey(
        Guid id, ClaimsPrincipal user, AccessStore access, CancellationToken cancellationToken)
    {
        var result = await access.RevokeApiKeyAsync(id, ImsLabPrincipal.ActorOf(user), cancellationToken);
        return result switch
        {
            ProvisioningResult<ApiKeyInfo>.Ok(var key) => TypedResults.Ok(ApiKeyResponse.From(key)),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No API key {id}."),
        };
    }
}
