using ImsLab.Data.Entities;
using ImsLab.Sip.Subscribers;
using Microsoft.EntityFrameworkCore;

namespace ImsLab.Data.Stores;

/// <summary>The event log: batched multi-row inserts, indexed queries, retention by age.</summary>
internal sealed class RegistrationEventLog(ImsLabDbContextFactory contexts) : IRegistrationEventLog
{
    private static readonly string[] Columns =
        ["id", "occurred_at", "type", "impu", "impi", "contact", "flow", "reason", "actor", "sip_trace_json"];

    // One array per column on PostgreSQL: the statement text is the same for every batch, so it is prepared once.
    private static readonly string[] PostgresTypes =
        ["uuid", "timestamptz", "text", "text", "text", "text", "text", "text", "text", "text"];

    public async ValueTask AppendAsync(IReadOnlyList<RegistrationEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return;
        await RawSql.InTransactionAsync(contexts, (unit, sql) => sql.InsertAllAsync(
            unit, "registration_events", Columns, events.Count, (row, column) =>
            {
                var e = events[row];
                return column switch
                {
                    0 => sql.Id(e.Id),
                    1 => sql.Time(e.OccurredAt),
                    2 => e.Type.ToString(),
                    3 => e.Impu?.ToLowerInvariant(),
                    4 => e.Impi?.ToLowerInvariant(),
                    5 => e.Contact,
                    6 => e.Flow,
                    7 => e.Reason,
                    8 => e.Actor,
                    _ => JsonText.FromTrace(e.SipTrace),
                };
            }, "ON CONFLICT (id) DO NOTHING", cancellationToken, PostgresTypes), cancellationToken);
    }

    public async ValueTask<IReadOnlyList<RegistrationEvent>> QueryAsync(RegistrationEventQuery query, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        IQueryable<RegistrationEventRecord> rows = db.RegistrationEvents.AsNoTracking();
        if (query.Since is { } since) rows = rows.Where(e => e.OccurredAt >= since);
        if (query.Until is { } until) rows = rows.Where(e => e.OccurredAt < until);
        if (query.Impus is { } impus)
        {
            // Stored lower case (AppendAsync). "impu IN (@keys1, ...)" on SQLite, "impu = ANY (@keys)" on PostgreSQL; the
            // null test keeps PostgreSQL from adding "OR impu IS NULL AND array_position(@keys, NULL)", which a list of
            // nullable keys brings and which no index serves.
            List<string> keys = [.. impus.Select(i => i.ToLowerInvariant()).Distinct()];
            rows = rows.Where(e => e.Impu != null && keys.Contains(e.Impu));
        }
        if (query.Impi is { } impi)
        {
            var key = impi.ToLowerInvariant();
            rows = rows.Where(e => e.Impi == key);
        }
        if (query.Type is { } type)
        {
            var name = type.ToString();
            rows = rows.Where(e => e.Type == name);
        }
        var limit = Math.Clamp(query.Limit, 1, RegistrationEventQuery.MaxLimit);
        var ordered = rows.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(limit);
        var records = query.IncludeSipTrace
            ? await ordered.ToListAsync(cancellationToken)
            : await ordered.Select(e => new RegistrationEventRecord
            {
                Id = e.Id, OccurredAt = e.OccurredAt, Type = e.Type, Impu = e.Impu, Impi = e.Impi, Contact = e.Contact,
                Flow = e.Flow, Reason = e.Reason, Actor = e.Actor,
            }).ToListAsync(cancellationToken);
        return records.ConvertAll(ToEvent);
    }

    public async ValueTask<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.RegistrationEvents.Where(e => e.OccurredAt < olderThan).ExecuteDeleteAsync(cancellationToken);
    }

    private static RegistrationEvent ToEvent(RegistrationEventRecord record) => new()
    {
        Id = record.Id,
        OccurredAt = record.OccurredAt,
        Type = Enum.TryParse<RegistrationEventType>(record.Type, out var type) ? type : throw UnknownType(record.Type),
        Impu = record.Impu,
        Impi = record.Impi,
        Contact = record.Contact,
        Flow = record.Flow,
        Reason = record.Reason,
        Actor = record.Actor,
        SipTrace = JsonText.ToTrace(record.SipTraceJson),
    };

    private static InvalidOperationException UnknownType(string type) =>
        new($"The event log holds an event type this version does not know: '{type}'.");
}
