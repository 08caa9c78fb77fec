using System.Security.Claims;
using ImsLab.Api.Auth;
using ImsLab.Sip.Registrar;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ImsLab.Api.Registrations;

/// <summary>
/// Network-initiated procedures on a subscriber: /api/subscribers/{impi}/deregister and /reauthenticate, through
/// <see cref="NetworkInitiatedProcedures"/> (the one entry point the dashboard and subscriber deletion use too).
/// </summary>
internal static class NetworkProceduresApi
{
    public static RouteGroupBuilder MapNetworkProceduresApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/subscribers/{impi}")
            .WithTags("Subscribers")
            .RequireAuthorization(ImsLabPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/deregister", DeregisterSubscriber)
            .WithName(nameof(DeregisterSubscriber))
            .WithSummary("Network-initiated deregistration (TS 24.229 5.4.1.5): the UE and its watchers get a NOTIFY with the reason; "
                + "202 with the event ids, 404 when nothing is registered.");
        group.MapPost("/reauthenticate", ReauthenticateSubscriber)
            .WithName(nameof(ReauthenticateSubscriber))
            .WithSummary("Network-initiated re-authentication (TS 24.229 5.4.1.6): registrations are shortened and the next REGISTER is "
                + "challenged; 202 with the event ids, 404 when nothing is registered.");
        return group;
    }

    public static async Task<Results<Accepted<NetworkProcedureResponse>, ValidationProblem, ProblemHttpResult>> DeregisterSubscriber(
        string impi, DeregisterRequest request, ClaimsPrincipal user, NetworkInitiatedProcedures procedures, CancellationToken cancellationToken)
    {
        NetworkDeregistrationReason reason;
        switch (request.Reason?.Trim().ToLowerInvariant())
        {
            case "rejected":
                reason = NetworkDeregistrationReason.Rejected;
                break;
            case "deactivated":
                reason = NetworkDeregistrationReason.Deactivated;
                break;
            default:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["reason"] = ["\"rejected\" (the UE must not register again) or \"deactivated\" (it should register again now)."],
                });
        }
        if (request.Contact is not null && request.Impu is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["contact"] = ["Name the contact's impu too."] });
        }
        var result = await procedures.DeregisterAsync(impi, Blank(request.Impu), Blank(request.Contact), reason, ImsLabPrincipal.ActorOf(user),
            cancellationToken);
        return Answer(impi, result, request.Impu is null ? "" : $" for {request.Impu}{(request.Contact is null ? "" : " at " + request.Contact)}");
    }

    public static async Task<Results<Accepted<NetworkProcedureResponse>, ValidationProblem, ProblemHttpResult>> ReauthenticateSubscriber(
        string impi, ClaimsPrincipal user, NetworkInitiatedProcedures procedures, CancellationToken cancellationToken) =>
        Answer(impi, await procedures.ReauthenticateAsync(impi, ImsLabPrincipal.ActorOf(user), cancellationToken), "");

    private static Results<Accepted<NetworkProcedureResponse>, ValidationProblem, ProblemHttpResult> Answer(
        string impi, NetworkProcedureResult result, string scope) =>
        result.AffectedContacts == 0
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Nothing registered",
                detail: $"{impi} has no live registration{scope}.")
            : TypedResults.Accepted("/api/events?impi=" + Uri.EscapeDataString(impi),
                new NetworkProcedureResponse(result.EventIds, result.AffectedContacts));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
