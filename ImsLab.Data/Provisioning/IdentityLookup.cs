using ImsLab.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImsLab.Data.Provisioning;

/// <summary>
/// The subscriptions, IMPIs, IMPUs and service profiles a provisioning operation touches, fetched in a few bulk
/// queries and then kept (with everything the operation adds) so a 10,000-row import needs no query per row.
/// </summary>
internal sealed class IdentityLookup
{
    private const int ChunkSize = 1000;

    public Dictionary<string, ImsSubscription> Subscriptions { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PrivateIdentity> PrivateIdentities { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PublicIdentity> PublicIdentities { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Guid> ServiceProfiles { get; } = new(StringComparer.Ordinal);

    public static async Task<IdentityLookup> LoadAsync(ImsLabDbContext db, IEnumerable<ValidatedSubscriber> subscribers, CancellationToken cancellationToken)
    {
        var list = subscribers.ToList();
        var lookup = new IdentityLookup();
        foreach (var chunk in list.Select(s => s.Subscription).Distinct().Chunk(ChunkSize))
        {
            foreach (var s in await db.Subscriptions.Where(s => chunk.Contains(s.Name)).ToListAsync(cancellationToken)) lookup.Subscriptions[s.Name] = s;
        }
        foreach (var chunk in list.Select(s => s.Impi).Distinct().Chunk(ChunkSize))
        {
            foreach (var p in await db.PrivateIdentities.Where(p => chunk.Contains(p.Impi)).ToListAsync(cancellationToken)) lookup.PrivateIdentities[p.Impi] = p;
        }
        foreach (var chunk in list.SelectMany(s => s.PublicIdentities).Select(p => p.Uri).Distinct().Chunk(ChunkSize))
        {
            foreach (var p in await db.PublicIdentities.Include(p => p.Links).Where(p => chunk.Contains(p.Uri)).ToListAsync(cancellationToken))
            {
                lookup.PublicIdentities[p.Uri] = p;
            }
        }
        foreach (var profile in await db.ServiceProfiles.Select(p => new { p.Name, p.Id }).ToListAsync(cancellationToken))
        {
            lookup.ServiceProfiles[profile.Name] = profile.Id;
        }
        return lookup;
    }
}
