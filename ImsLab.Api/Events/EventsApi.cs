using System.Text;
using System.Text.Json;
using ImsLab.Api.Auth;
using ImsLab.Api.Operations.Problems;
using ImsLab.Sip.Events;
using ImsLab.Sip.Monitoring;
using ImsLab.Sip.Subscribers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ImsLab.Api.Events;

/// <summary>
/// Registration and audit events: /api/events from the event log, and /api/events/stream live as Server-Sent Events
/// (WHATWG HTML 9.2), both in the <see cref="EventResponse"/> shape the SignalR hub sends too.
/// </summary>
internal static class EventsApi
{
    /// <summary>A comment line this often keeps proxies from closing an idle stream and lets clients see it is alive.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    /// <summary>How long the stream gathers events before it writes them: a storm becomes a few writes a second.</summary>
    public static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(100);

    private const string EventStreamMediaType = "text/event-stream";

    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/events")
            .WithTags("Events")
            .RequireAuthorization(ImsLabPolicies.Viewer)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListEvents)
            .WithName(nameof(ListEvents))
            .WithSummary("Stored registration and audit events, newest first; since/until are ISO 8601 instants, type an event type name, "
                + "impu covers every IMPU of its implicit registration set as the HSS holds it.");
        group.MapGet("/stream", StreamEvents)
            .Produces<EventResponse>(StatusCodes.Status200OK, EventStreamMediaType)
            .WithName(nameof(StreamEvents))
            .WithSummary("Live events as Server-Sent Events ('event: registration', one JSON object per 'data:' line, "
                + "'id:' the event id), filtered by impu (with its implicit registration set), impi and type; since replays the stored "
                + "events from that instant first; "
                + "a ': heartbeat' comment every 15 s.");
        return group;
    }

    public static async Task<Results<Ok<EventResponse[]>, ValidationProblem>> ListEvents(
        IRegistrationEventLog log, ImplicitSetResolver implicitSets, CancellationToken cancellationToken,
        DateTimeOffset? since = null, DateTimeOffset? until = null, string? impu = null, string? impi = null, string? type = null, int limit = 100)
    {
        var errors = new Dictionary<string, string[]>();
        var eventType = QueryEnum.Parse<RegistrationEventType>(type, "type", errors);
        if (limit is < 1 or > RegistrationEventQuery.MaxLimit) errors["limit"] = [$"1 to {RegistrationEventQuery.MaxLimit}."];
        if (since is not null && until is not null && since > until) errors["until"] = ["Must not be before since."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var events = await log.QueryAsync(new RegistrationEventQuery
        {
            Since = since, Until = until, Impus = await ImpusAsync(implicitSets, impu, cancellationToken), Impi = Blank(impi), Type = eventType,
            Limit = limit,
        }, cancellationToken);
        return TypedResults.Ok(events.Select(EventResponse.From).ToArray());
    }

    public static async Task<Results<PushStreamHttpResult, ValidationProblem>> StreamEvents(
        HttpContext context, RegistrationEventBus bus, IRegistrationEventLog log, ImplicitSetResolver implicitSets, TimeProvider time,
        IOptions<JsonOptions> json,
        DateTimeOffset? since = null, string? impu = null, string? impi = null, string? type = null)
    {
        var errors = new Dictionary<string, string[]>();
        var eventType = QueryEnum.Parse<RegistrationEventType>(type, "type", errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        // One query says what the stream carries: the live events are held to it, and a replay reads it from the log.
        var query = new RegistrationEventQuery
        {
            Impus = await ImpusAsync(implicitSets, impu, context.RequestAborted), Impi = Blank(impi), Type = eventType,
        };
        // Subscribe before answering (and before reading the log for a replay), so nothing published in between is missed.
        var batcher = new RegistrationEventBatcher(bus, time, BatchInterval);
        IReadOnlyList<RegistrationEvent> replay = [];
        try
        {
            if (since is not null)
            {
                // A client resuming from a time gets the stored events first, oldest first, then the live ones.
                var stored = await log.QueryAsync(query with { Since = since, Limit = RegistrationEventQuery.MaxLimit }, context.RequestAborted);
                replay = [.. stored.Reverse()];
            }
        }
        catch
        {
            batcher.Dispose();
            throw;
        }
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.Stream(
            body => WriteStreamAsync(body, batcher, replay, query.Matches, time, json.Value.SerializerOptions, context.RequestAborted),
            EventStreamMediaType);
    }

    private static async Task WriteStreamAsync(Stream body, RegistrationEventBatcher batcher, IReadOnlyList<RegistrationEvent> replay,
        Func<RegistrationEvent, bool> filter, TimeProvider time, JsonSerializerOptions json, CancellationToken aborted)
    {
        var batches = batcher.ReadBatchesAsync(aborted).GetAsyncEnumerator(aborted);
        Task<bool>? next = null;
        try
        {
            next = batches.MoveNextAsync().AsTask();
            var heartbeat = Task.Delay(HeartbeatInterval, time, aborted);
            // A first comment commits the response, so a client knows it is subscribed before anything happens.
            await WriteAsync(body, ": connected\n\n", aborted);
            // The event log writer runs behind the bus: an event may be both replayed and live; send it once.
            var replayed = replay.Select(e => e.Id).ToHashSet();
            if (replay.Count > 0) await WriteAsync(body, Messages(replay, json), aborted);
            while (true)
            {
                if (await Task.WhenAny(next, heartbeat) == heartbeat)
                {
                    await heartbeat;
                    heartbeat = Task.Delay(HeartbeatInterval, time, aborted);
                    await WriteAsync(body, ": heartbeat\n\n", aborted);
                    continue;
                }
                if (!await next) break;
                var text = Messages(batches.Current.Where(e => filter(e) && !replayed.Contains(e.Id)), json);
                next = batches.MoveNextAsync().AsTask();
                if (text.Length > 0) await WriteAsync(body, text, aborted);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The client went away: the normal end of a stream.
        }
        finally
        {
            // Completing the subscription ends a pending read, which must finish before the iterator is disposed.
            batcher.Dispose();
            if (next is not null)
            {
                try
                {
                    await next;
                }
                catch (OperationCanceledException)
                {
                }
            }
            await batches.DisposeAsync();
        }
    }

    // One SSE message per event (WHATWG HTML 9.2.6): the JSON has no newline, so it is one data: line.
    private static string Messages(IEnumerable<RegistrationEvent> events, JsonSerializerOptions json)
    {
        var text = new StringBuilder();
        foreach (var registrationEvent in events)
        {
            text.Append("event: registration\nid: ").Append(registrationEvent.Id).Append("\ndata: ")
                .Append(JsonSerializer.Serialize(EventResponse.From(registrationEvent), json)).Append("\n\n");
        }
        return text.ToString();
    }

    private static async Task WriteAsync(Stream body, string text, CancellationToken cancellationToken)
    {
        await body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await body.FlushAsync(cancellationToken);
    }


    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // TS 23.228 4.3.3.4: an event names the IMPU the UE registered; the others of its set registered with it.
    private static async ValueTask<IReadOnlyCollection<string>?> ImpusAsync(
        ImplicitSetResolver implicitSets, string? impu, CancellationToken cancellationToken) =>
        Blank(impu) is { } asked ? await implicitSets.ImpusRegisteredWithAsync(asked, cancellationToken) : null;
}
