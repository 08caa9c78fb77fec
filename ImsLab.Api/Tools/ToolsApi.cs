using ImsLab.Api.Auth;
using ImsLab.Web.Services.Tools;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ImsLab.Api.Tools;

/// <summary>Lab tools: /api/tools/...</summary>
internal static class ToolsApi
{
    public static RouteGroupBuilder MapToolsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/tools")
            .WithTags("Tools")
            .RequireAuthorization(ImsLabPolicies.Viewer)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/aka", CalculateAka)
            .WithName(nameof(CalculateAka))
            .WithSummary("AKA calculator: MILENAGE outputs (OPc, MAC-A, MAC-S, XRES, CK, IK, AK, AK*, AUTN) and, given an AUTS, the UE's SQN_MS.");
        return group;
    }

    public static Results<Ok<AkaToolResult>, ValidationProblem> CalculateAka(AkaToolRequest request, AkaTool tool)
    {
        var outcome = tool.Run(request);
        return outcome.Result is { } result
            ? TypedResults.Ok(result)
            : TypedResults.ValidationProblem(outcome.Errors.ToDictionary(), title: "Invalid AKA calculator input");
    }
}
