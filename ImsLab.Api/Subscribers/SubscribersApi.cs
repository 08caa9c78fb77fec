using System.Security.Claims;
using System.Text;
using System.Text.Json;
using ImsLab.Api.Auth;
using ImsLab.Api.Operations.Problems;
using ImsLab.Data.Provisioning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ImsLab.Api.Subscribers;

/// <summary>
/// Subscribers by IMPI: /api/subscribers, with bulk import and export. Every handler only translates between HTTP
/// and <see cref="SubscriberProvisioningService"/>, which the dashboard calls too.
/// </summary>
internal static class SubscribersApi
{
    private const string CsvMediaType = "text/csv";
    private const string JsonMediaType = "application/json";
    private const int MaxPageSize = SubscriberQuery.MaxTake;

    public static RouteGroupBuilder MapSubscribersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/subscribers")
            .WithTags("Subscribers")
            .RequireAuthorization(ImsLabPolicies.Viewer)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/", CreateSubscriber)
            .RequireAuthorization(ImsLabPolicies.Admin)
            .WithName(nameof(CreateSubscriber))
            .WithSummary("Creates a subscriber (an IMPI with its IMPUs); 409 when the IMPI or an IMPU is taken.");
        group.MapGet("/", ListSubscribers)
            .WithName(nameof(ListSubscribers))
            .WithSummary("A page of subscribers matching the search (IMPI, IMPU, subscription, IMSI, MSISDN), with the total; "
                + $"sort is one of {string.Join(", ", Enum.GetNames<SubscriberSort>())}, in any case.");
        group.MapPost("/import", ImportSubscribers)
            .RequireAuthorization(ImsLabPolicies.Admin)
            .Accepts<SubscriberRequest[]>(JsonMediaType, CsvMediaType)
            .WithName(nameof(ImportSubscribers))
            .WithSummary("Imports a JSON array of subscribers or CSV (header " + SubscriberCsv.Header + "): all rows or none, "
                + "with every problem reported by row.");
        group.MapGet("/export", ExportSubscribers)
            .Produces<SubscriberRequest[]>(StatusCodes.Status200OK, JsonMediaType, CsvMediaType)
            .WithName(nameof(ExportSubscribers))
            .WithSummary("Every subscriber as JSON (format=json) or CSV (format=csv), importable again; K, OP, OPc and HA1 only "
                + "with includeKeys=true, which needs the admin role.");
        group.MapGet("/{impi}", GetSubscriber)
            .WithName(nameof(GetSubscriber))
            .WithSummary("One subscriber: which keys are set, never their values.");
        group.MapPut("/{impi}", ReplaceSubscriber)
            .RequireAuthorization(ImsLabPolicies.Admin)
            .WithName(nameof(ReplaceSubscriber))
            .WithSummary("Replaces a subscriber; K, OP/OPc and password left out keep their stored values.");
        group.MapPatch("/{impi}", PatchSubscriber)
            .RequireAuthorization(ImsLabPolicies.Admin)
            .WithName(nameof(PatchSubscriber))
            .WithSummary("Partial change: enable/disable, bar/unbar IMPUs, rotate K/OP/OPc, change AMF or password, set or reset the SQN (the next challenge uses it; its IND bits read back as zero, as the HSS keeps SEQ only).");
        group.MapDelete("/{impi}", DeleteSubscriber)
            .RequireAuthorization(ImsLabPolicies.Admin)
            .WithName(nameof(DeleteSubscriber))
            .WithSummary("Deletes a subscriber after deregistering its live bindings (network-initiated, reason rejected).");
        return group;
    }

    public static async Task<Results<Created<SubscriberResponse>, ValidationProblem, ProblemHttpResult>> CreateSubscriber(
        SubscriberRequest request, ClaimsPrincipal user, SubscriberProvisioningService subscribers, CancellationToken cancellationToken)
    {
        if (request.ToInput(impiFromRoute: null, out var readErrors) is not { } input) return TypedResults.ValidationProblem(readErrors);
        return await subscribers.CreateAsync(input, ImsLabPrincipal.ActorOf(user), cancellationToken) switch
        {
            ProvisioningResult<SubscriberView>.Created(var view) => TypedResults.Created(Location(view.Impi), SubscriberResponse.From(view)),
            ProvisioningResult<SubscriberView>.Invalid(var errors) => TypedResults.ValidationProblem(SubscriberFields.ToJson(errors)),
            var other => Problem(other),
        };
    }

    public static async Task<Results<Ok<SubscriberListResponse>, ValidationProblem>> ListSubscribers(
        SubscriberProvisioningService subscribers, CancellationToken cancellationToken,
        string? search = null, int page = 1, int pageSize = 50, bool? enabled = null, string? sort = null, bool descending = false)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1) errors["page"] = ["Pages count from 1."];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"1 to {MaxPageSize}."];
        var sortBy = QueryEnum.Parse<SubscriberSort>(sort, "sort", errors) ?? SubscriberSort.Impi;
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var result = await subscribers.ListAsync(new SubscriberQuery
        {
            Search = search, Enabled = enabled, SortBy = sortBy, Descending = descending, Skip = (page - 1) * pageSize, Take = pageSize,
        }, cancellationToken);
        return TypedResults.Ok(new SubscriberListResponse([.. result.Items.Select(SubscriberResponse.From)], result.Total, page, pageSize));
    }

    public static async Task<Results<Ok<SubscriberResponse>, ProblemHttpResult>> GetSubscriber(
        string impi, SubscriberProvisioningService subscribers, CancellationToken cancellationToken) =>
        await subscribers.GetAsync(impi, cancellationToken) is { } view
            ? TypedResults.Ok(SubscriberResponse.From(view))
            : NotFound(impi);

    public static async Task<Results<Ok<SubscriberResponse>, ValidationProblem, ProblemHttpResult>> ReplaceSubscriber(
        string impi, SubscriberRequest request, ClaimsPrincipal user, SubscriberProvisioningService subscribers, CancellationToken cancellationToken)
    {
        if (request.ToInput(impi, out var readErrors) is not { } input) return TypedResults.ValidationProblem(readErrors);
        return Answer(await subscribers.ReplaceAsync(impi, input, ImsLabPrincipal.ActorOf(user), cancellationToken));
    }

    public static async Task<Results<Ok<SubscriberResponse>, ValidationProblem, ProblemHttpResult>> PatchSubscriber(
        string impi, SubscriberPatchRequest request, ClaimsPrincipal user, SubscriberProvisioningService subscribers, CancellationToken cancellationToken)
    {
        if (request.Auth is { } auth && (auth.Schemes is not null || auth.Ha1Md5 is not null || auth.Ha1Sha256 is not null || auth.Realm is not null))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["auth"] = ["PATCH changes K, OP, OPc, AMF, SQN and the password; change schemes, HA1 values or the realm with PUT."],
            });
        }
        var patch = new SubscriberPatch
        {
            Enabled = request.Enabled, Barred = request.Barred,
            K = request.Auth?.K, Op = request.Auth?.Op, Opc = request.Auth?.Opc, Amf = request.Auth?.Amf, Sqn = request.Auth?.Sqn,
            Password = request.Auth?.Password,
        };
        return Answer(await subscribers.PatchAsync(impi, patch, ImsLabPrincipal.ActorOf(user), cancellationToken));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteSubscriber(
        string impi, ClaimsPrincipal user, SubscriberProvisioningService subscribers, CancellationToken cancellationToken) =>
        await subscribers.DeleteAsync(impi, ImsLabPrincipal.ActorOf(user), cancellationToken) is ProvisioningResult<SubscriberView>.Ok
            ? TypedResults.NoContent()
            : NotFound(impi);

    public static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportSubscribers(
        HttpRequest request, ClaimsPrincipal user, SubscriberProvisioningService subscribers, CancellationToken cancellationToken)
    {
        var actor = ImsLabPrincipal.ActorOf(user);
        ImportReport report;
        Func<string, string> fieldName;
        switch (MediaTypeOf(request))
        {
            case CsvMediaType or "application/csv":
                // The CSV reader is synchronous, which Kestrel forbids on the request body: read it in first (the
                // server's body size limit bounds it).
                using (var content = new MemoryStream())
                {
                    await request.Body.CopyToAsync(content, cancellationToken);
                    content.Position = 0;
                    report = await subscribers.ImportAsync(content, SubscriberFileFormat.Csv, actor, cancellationToken);
                }
                fieldName = SubscriberFields.ToCsv;
                break;
            case JsonMediaType:
                var (rows, readErrors) = await ReadJsonRowsAsync(request.Body, cancellationToken);
                report = await subscribers.ImportAsync(rows, readErrors, "JSON", actor, cancellationToken);
                fieldName = SubscriberFields.ToJson;
                break;
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                    detail: $"Send {JsonMediaType} (an array of subscribers) or {CsvMediaType} (header: {SubscriberCsv.Header}).");
        }
        if (report.Succeeded) return TypedResults.Ok(new ImportResponse(report.Rows, report.Imported));
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Import rejected; nothing was imported",
            detail: $"{report.Errors.Count} problem(s) in {report.Rows} row(s); fix them and import the whole file again.",
            extensions: new Dictionary<string, object?>
            {
                ["rows"] = report.Rows,
                ["imported"] = 0,
                ["errors"] = report.Errors.Select(e => new ImportErrorResponse(e.Row, e.Impi, fieldName(e.Field), e.Message)).ToArray(),
            });
    }

    public static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> ExportSubscribers(
        ClaimsPrincipal user, SubscriberProvisioningService subscribers, CancellationToken cancellationToken, string format = "json",
        bool includeKeys = false)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["\"json\" or \"csv\"."] });
        }
        if (includeKeys && ImsLabPrincipal.RoleOf(user) != ImsLabRoles.Admin)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "Only an administrator may export keys; leave includeKeys out.");
        }
        var actor = ImsLabPrincipal.ActorOf(user);
        // The response starts before a stream result's callback runs, so the first page (read and converted whole) is
        // fetched here: a subscriber that cannot be exported fails the request with a 500 rather than cutting a 200
        // short. Only a file of more than one page can still end early, and then the connection is aborted.
        var rows = subscribers.ExportInputsAsync(csv ? "Csv" : "JSON", includeKeys, actor, cancellationToken).GetAsyncEnumerator(cancellationToken);
        bool any;
        try
        {
            any = await rows.MoveNextAsync();
        }
        catch
        {
            await rows.DisposeAsync();
            throw;
        }
        return csv
            ? TypedResults.Stream(body => WriteCsvAsync(body, rows, any, cancellationToken), CsvMediaType, "subscribers.csv")
            : TypedResults.Stream(body => WriteJsonAsync(body, rows, any, cancellationToken), JsonMediaType, "subscribers.json");
    }

    private static async Task WriteCsvAsync(Stream body, IAsyncEnumerator<SubscriberInput> rows, bool any, CancellationToken cancellationToken)
    {
        await using (rows)
        {
            await using var text = new StreamWriter(body, new UTF8Encoding(false), leaveOpen: true);
            await text.WriteLineAsync(SubscriberCsv.Header.AsMemory(), cancellationToken);
            for (var more = any; more; more = await rows.MoveNextAsync())
            {
                await text.WriteLineAsync(SubscriberCsv.Line(rows.Current).AsMemory(), cancellationToken);
            }
            await text.FlushAsync(cancellationToken);
        }
    }

    private static async Task WriteJsonAsync(Stream body, IAsyncEnumerator<SubscriberInput> rows, bool any, CancellationToken cancellationToken)
    {
        await using (rows)
        {
            // Element by element with asynchronous writes: the server forbids synchronous ones, and the file may be large.
            var first = true;
            for (var more = any; more; more = await rows.MoveNextAsync())
            {
                await body.WriteAsync(first ? "[\n"u8.ToArray() : ",\n"u8.ToArray(), cancellationToken);
                await JsonSerializer.SerializeAsync(body, SubscriberRequest.From(rows.Current), SubscriberRequest.FileJsonOptions, cancellationToken);
                first = false;
            }
            await body.WriteAsync(first ? "[]\n"u8.ToArray() : "\n]\n"u8.ToArray(), cancellationToken);
        }
    }

    /// <summary>
    /// Reads a JSON array element by element, so one malformed subscriber is reported with its row and the rest are
    /// still checked (the import stays all-or-nothing: any error rejects the whole file).
    /// </summary>
    private static async Task<(List<(int Row, SubscriberInput Input)> Rows, List<ImportRowError> Errors)> ReadJsonRowsAsync(
        Stream body, CancellationToken cancellationToken)
    {
        var rows = new List<(int, SubscriberInput)>();
        var errors = new List<ImportRowError>();
        JsonElement[] elements;
        try
        {
            elements = await JsonSerializer.DeserializeAsync<JsonElement[]>(body, SubscriberRequest.FileJsonOptions, cancellationToken) ?? [];
        }
        catch (JsonException e)
        {
            errors.Add(ImportRowError.ForJson(0, e, "Not a JSON array of subscribers"));
            return (rows, errors);
        }
        for (var i = 0; i < elements.Length; i++)
        {
            var row = i + 1;
            SubscriberRequest? request;
            try
            {
                request = elements[i].Deserialize<SubscriberRequest>(SubscriberRequest.FileJsonOptions);
            }
            catch (JsonException e)
            {
                errors.Add(ImportRowError.ForJson(row, e, "Not a subscriber"));
                continue;
            }
            if (request is null)
            {
                errors.Add(new ImportRowError(row, null, "$", "null is not a subscriber."));
            }
            else if (request.ToInput(impiFromRoute: null, out var readErrors) is { } input)
            {
                rows.Add((row, input));
            }
            else
            {
                errors.AddRange(readErrors.SelectMany(f => f.Value.Select(m => new ImportRowError(row, request.Impi, f.Key, m))));
            }
        }
        return (rows, errors);
    }

    private static string? MediaTypeOf(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;

    private static Results<Ok<SubscriberResponse>, ValidationProblem, ProblemHttpResult> Answer(ProvisioningResult<SubscriberView> result) => result switch
    {
        ProvisioningResult<SubscriberView>.Ok(var view) => TypedResults.Ok(SubscriberResponse.From(view)),
        ProvisioningResult<SubscriberView>.Invalid(var errors) => TypedResults.ValidationProblem(SubscriberFields.ToJson(errors)),
        var other => Problem(other),
    };

    /// <summary>404 and 409, the failures every write shares besides invalid input.</summary>
    private static ProblemHttpResult Problem(ProvisioningResult<SubscriberView> result) => result switch
    {
        ProvisioningResult<SubscriberView>.NotFound(var what) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: $"No {what}."),
        ProvisioningResult<SubscriberView>.Conflict(var field, var message) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
            title: "Conflict", detail: message, extensions: new Dictionary<string, object?> { ["field"] = SubscriberFields.ToJson(field) }),
        _ => throw new InvalidOperationException($"Unexpected outcome {result.GetType().Name} of a subscriber change."),
    };

    private static ProblemHttpResult NotFound(string impi) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No subscriber {impi}.");

    internal static string Location(string impi) => "/api/subscribers/" + Uri.EscapeDataString(impi);
}
