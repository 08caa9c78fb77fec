using ImsLab.Api.Auth;
using ImsLab.Api.Events;
using ImsLab.Sip.Monitoring;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ImsLab.Api.Registrations;

/// <summary>Live registrations: /api/registrations, over <see cref="RegistrationQueries"/> (the dashboard's read side too).</summary>
internal static class RegistrationsApi
{
    private const int MaxExchanges = 100;

    public static RouteGroupBuilder MapRegistrationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/registrations")
            .WithTags("Registrations")
            .RequireAuthorization(ImsLabPolicies.Viewer)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListRegistrations)
            .WithName(nameof(ListRegistrations))
            .WithSummary("Live bindings by IMPU, then contact; filter by exact impu or impi, or search IMPU, IMPI, contact and user agent.");
        group.MapGet("/{id:guid}", GetRegistration)
            .WithName(nameof(GetRegistration))
            .WithSummary("One live binding with the SIP messages of its IMPU's last exchanges (REGISTER/401/REGISTER/200, SUBSCRIBE/NOTIFY).");
        return group;
    }

    public static Results<Ok<RegistrationListResponse>, ValidationProblem> ListRegistrations(
        RegistrationQueries registrations, TimeProvider time,
        string? impu = null, string? impi = null, string? search = null, int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1) errors["page"] = ["Pages count from 1."];
        if (pageSize is < 1 or > RegistrationFilter.MaxPageSize) errors["pageSize"] = [$"1 to {RegistrationFilter.MaxPageSize}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var result = registrations.List(new RegistrationFilter { Impu = impu, Impi = impi, Search = search, Page = page, PageSize = pageSize });
        var now = time.GetUtcNow();
        return TypedResults.Ok(new RegistrationListResponse([.. result.Items.Select(b => RegistrationResponse.From(b, now))],
            result.Total, result.Page, result.PageSize));
    }

    public static async Task<Results<Ok<RegistrationDetailResponse>, ValidationProblem, ProblemHttpResult>> GetRegistration(
        Guid id, RegistrationQueries registrations, TimeProvider time, CancellationToken cancellationToken, int exchanges = 20)
    {
        if (exchanges is < 1 or > MaxExchanges)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["exchanges"] = [$"1 to {MaxExchanges}."] });
        }
        if (registrations.Find(id) is not { } binding)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"No live registration {id}; it may have expired or been deregistered.");
        }
        var recent = await registrations.RecentExchangesAsync(binding, exchanges, cancellationToken);
        return TypedResults.Ok(new RegistrationDetailResponse(RegistrationResponse.From(binding, time.GetUtcNow()),
            [.. recent.Select(e => new SipExchangeResponse(EventResponse.From(e), e.SipTrace ?? []))]));
    }
}
