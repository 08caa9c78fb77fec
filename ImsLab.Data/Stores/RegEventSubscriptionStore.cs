using ImsLab.Data.Entities;
using ImsLab.Sip.Subscribers;
using Microsoft.EntityFrameworkCore;

namespace ImsLab.Data.Stores;

/// <summary>Reg-event subscription dialogs, written with one upsert statement each.</summary>
internal sealed class RegEventSubscriptionStore(ImsLabDbContextFactory contexts) : IRegEventSubscriptionStore
{
    private static readonly string[] Columns =
    [
        "id", "resource_impu", "watcher_uri", "watcher_contact", "call_id", "local_tag", "remote_tag", "local_cseq",
        "remote_cseq", "route_set_json", .. FlowColumns.Names, "expires_at", "version", "created_at",
    ];

    private const int FlowStart = 10;
    private static readonly string Upsert = ProviderSql.UpsertClause(Columns);

    public Task UpsertAsync(RegEventSubscription subscription, CancellationToken cancellationToken) =>
        RawSql.InTransactionAsync(contexts, (unit, sql) => sql.InsertAllAsync(unit, "reg_event_subscriptions",
            Columns, 1, (_, column) => Value(subscription, column, sql), Upsert, cancellationToken), cancellationToken);

    public async Task RemoveAsync(Guid subscriptionId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        await db.RegEventSubscriptions.Where(s => s.Id == subscriptionId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RegEventSubscription>> LoadActiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.RegEventSubscriptions.AsNoTracking().Where(s => s.ExpiresAt > now).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new RegEventSubscription
        {
            Id = r.Id,
            ResourceImpu = r.ResourceImpu,
            WatcherUri = r.WatcherUri,
            WatcherContact = r.WatcherContact,
            CallId = r.CallId,
            LocalTag = r.LocalTag,
            RemoteTag = r.RemoteTag,
            LocalCSeq = (uint)r.LocalCSeq,
            RemoteCSeq = (uint)r.RemoteCSeq,
            RouteSet = JsonText.ToList(r.RouteSetJson),
            Flow = r.ToFlow(),
            ExpiresAt = r.ExpiresAt,
            Version = r.Version,
            CreatedAt = r.CreatedAt,
        });
    }

    private static object? Value(RegEventSubscription s, int column, ProviderSql sql) => column switch
    {
        0 => sql.Id(s.Id),
        1 => s.ResourceImpu,
        2 => s.WatcherUri,
        3 => s.WatcherContact,
        4 => s.CallId,
        5 => s.LocalTag,
        6 => s.RemoteTag,
        7 => (long)s.LocalCSeq,
        8 => (long)s.RemoteCSeq,
        9 => JsonText.FromList(s.RouteSet),
        < FlowStart + 6 => FlowColumns.Value(s.Flow, column - FlowStart),
        16 => sql.Time(s.ExpiresAt),
        17 => s.Version,
        _ => sql.Time(s.CreatedAt),
    };
}
