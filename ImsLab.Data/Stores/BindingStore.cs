using ImsLab.Data.Entities;
using ImsLab.Sip.Subscribers;
using Microsoft.EntityFrameworkCore;

namespace ImsLab.Data.Stores;

/// <summary>
/// Registration bindings. A batch is one atomic unit (<see cref="SqlUnit"/>): on PostgreSQL one INSERT ... SELECT
/// FROM unnest(arrays) ON CONFLICT DO UPDATE for all upserts, plus DELETE ... IN (...) per chunk of removals, sent
/// in one round trip; on SQLite multi-row VALUES of 40 rows in a transaction. Group commit thus costs one round trip
/// on PostgreSQL whatever the batch size.
/// </summary>
internal sealed class BindingStore(ImsLabDbContextFactory contexts) : IBindingStore
{
    private static readonly string[] Columns =
    [
        "id", "impu", "impi", "contact_uri", "contact_parameters", "expires_at", "q", "instance_id", "reg_id",
        "feature_tags_json", "path_json", .. FlowColumns.Names, "call_id", "cseq", "user_agent", "access_network_info",
        "visited_network", "scscf_uri", "registered_at", "refreshed_at", "reauthentication_required",
    ];

    private static readonly string[] PostgresTypes =
    [
        "uuid", "text", "text", "text", "text", "timestamptz", "real", "text", "integer", "text", "text",
        "text", "text", "integer", "text", "integer", "bigint", "text", "bigint", "text", "text", "text", "text",
        "timestamptz", "timestamptz", "boolean",
    ];

    private const int FlowStart = 11;
    private static readonly string Upsert = ProviderSql.UpsertClause(Columns);

    public async Task ApplyAsync(IReadOnlyList<BindingChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0) return;
        // One statement may not touch a row twice (ON CONFLICT DO UPDATE forbids it), so collapse to the last change per id.
        var last = new Dictionary<Guid, BindingChange>(changes.Count);
        foreach (var change in changes)
        {
            var id = change switch
            {
                BindingChange.Upsert upsert => upsert.Binding.Id,
                BindingChange.Remove remove => remove.BindingId,
                _ => throw new ArgumentException($"Unknown binding change {change.GetType().Name}.", nameof(changes)),
            };
            last[id] = change;
        }
        var upserts = new List<RegistrationBinding>(last.Count);
        var removals = new List<Guid>();
        foreach (var (id, change) in last)
        {
            if (change is BindingChange.Upsert upsert) upserts.Add(upsert.Binding);
            else removals.Add(id);
        }

        await RawSql.InTransactionAsync(contexts, async (unit, sql) =>
        {
            for (var start = 0; start < removals.Count; start += sql.RowsPerStatement)
            {
                var delete = new SqlStatement();
                var names = new List<string>();
                foreach (var id in removals.Skip(start).Take(sql.RowsPerStatement))
                {
                    var name = "@r" + names.Count;
                    names.Add(name);
                    delete.Add(name, sql.Id(id));
                }
                delete.Text = $"DELETE FROM registration_bindings WHERE id IN ({string.Join(", ", names)})";
                await unit.ExecuteAsync(delete, cancellationToken);
            }
            await sql.InsertAllAsync(unit, "registration_bindings", Columns, upserts.Count,
                (row, column) => Value(upserts[row], column, sql), Upsert, cancellationToken, PostgresTypes);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<RegistrationBinding>> LoadActiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.RegistrationBindings.AsNoTracking().Where(b => b.ExpiresAt > now).ToListAsync(cancellationToken);
        return rows.ConvertAll(ToBinding);
    }

    public async Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.RegistrationBindings.Where(b => b.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private static object? Value(RegistrationBinding b, int column, ProviderSql sql) => column switch
    {
        0 => sql.Id(b.Id),
        1 => b.Impu,
        2 => b.Impi,
        3 => b.ContactUri,
        4 => b.ContactParameters,
        5 => sql.Time(b.ExpiresAt),
        6 => b.Q,
        7 => b.InstanceId,
        8 => b.RegId,
        9 => JsonText.FromList(b.FeatureTags),
        10 => JsonText.FromList(b.Path),
        < FlowStart + 6 => FlowColumns.Value(b.Flow, column - FlowStart),
        17 => b.CallId,
        18 => (long)b.CSeq,
        19 => b.UserAgent,
        20 => b.AccessNetworkInfo,
        21 => b.VisitedNetwork,
        22 => b.ScscfUri,
        23 => sql.Time(b.RegisteredAt),
        24 => sql.Time(b.RefreshedAt),
        _ => b.ReauthenticationRequired,
    };

    private static RegistrationBinding ToBinding(RegistrationBindingRecord r) => new()
    {
        Id = r.Id,
        Impu = r.Impu,
        Impi = r.Impi,
        ContactUri = r.ContactUri,
        ContactParameters = r.ContactParameters,
        ExpiresAt = r.ExpiresAt,
        Q = r.Q,
        InstanceId = r.InstanceId,
        RegId = r.RegId,
        FeatureTags = JsonText.ToList(r.FeatureTagsJson),
        Path = JsonText.ToList(r.PathJson),
        Flow = r.ToFlow(),
        CallId = r.CallId,
        CSeq = (uint)r.CSeq,
        UserAgent = r.UserAgent,
        AccessNetworkInfo = r.AccessNetworkInfo,
        VisitedNetwork = r.VisitedNetwork,
        ScscfUri = r.ScscfUri,
        RegisteredAt = r.RegisteredAt,
        RefreshedAt = r.RefreshedAt,
        ReauthenticationRequired = r.ReauthenticationRequired,
    };
}
