using ImsLab.Data.Entities;
using ImsLab.Data.Stores;
using ImsLab.Sip.Subscribers;
using Microsoft.EntityFrameworkCore;

namespace ImsLab.Data.Provisioning;

/// <summary>CRUD of service profiles and their initial filter criteria (TS 29.228 B.2), audited; used by API and dashboard.</summary>
public sealed class ServiceProfileService
{
    private readonly IDbContextFactory<ImsLabDbContext> _contexts;
    private readonly CachedSubscriberDirectory _cache;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _time;

    internal ServiceProfileService(IDbContextFactory<ImsLabDbContext> contexts, CachedSubscriberDirectory cache, AuditTrail audit, TimeProvider time)
    {
        _contexts = contexts;
        _cache = cache;
        _audit = audit;
        _time = time;
    }

    /// <summary>Every profile, by name.</summary>
    public async Task<IReadOnlyList<ServiceProfileView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = _contexts.CreateDbContext();
        return await ViewsAsync(db, db.ServiceProfiles, cancellationToken);
    }

    /// <summary>The profile with this name, or null.</summary>
    public async Task<ServiceProfileView?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = _contexts.CreateDbContext();
        return (await ViewsAsync(db, db.ServiceProfiles.Where(p => p.Name == name), cancellationToken)).SingleOrDefault();
    }

    /// <summary>Creates a profile: Created, Invalid, or Conflict on a taken name.</summary>
    public async Task<ProvisioningResult<ServiceProfileView>> CreateAsync(ServiceProfileInput input, string actor, CancellationToken cancellationToken)
    {
        if (Validate(input) is { Count: > 0 } errors) return new ProvisioningResult<ServiceProfileView>.Invalid(errors);
        await using var db = _contexts.CreateDbContext();
        var name = input.Name.Trim();
        if (await db.ServiceProfiles.AnyAsync(p => p.Name == name, cancellationToken))
        {
            return new ProvisioningResult<ServiceProfileView>.Conflict("name", $"Service profile {name} already exists.");
        }
        var now = _time.GetUtcNow();
        var profile = new ServiceProfile { Id = Guid.NewGuid(), Name = name, CreatedAt = now, UpdatedAt = now, Criteria = ToEntities(input) };
        db.ServiceProfiles.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        await _audit.RecordAsync(RegistrationEventType.ServiceProfileChanged, actor, $"created service profile {name}", cancellationToken);
        return new ProvisioningResult<ServiceProfileView>.Created((await GetAsync(name, cancellationToken))!);
    }

    /// <summary>Replaces a profile's name and criteria.</summary>
    public async Task<ProvisioningResult<ServiceProfileView>> ReplaceAsync(string name, ServiceProfileInput input, string actor, CancellationToken cancellationToken)
    {
        if (Validate(input) is { Count: > 0 } errors) return new ProvisioningResult<ServiceProfileView>.Invalid(errors);
        await using var db = _contexts.CreateDbContext();
        var profile = await db.ServiceProfiles.Include(p => p.Criteria).ThenInclude(c => c.Triggers).SingleOrDefaultAsync(p => p.Name == name, cancellationToken);
        if (profile is null) return new ProvisioningResult<ServiceProfileView>.NotFound($"service profile {name}");
        var newName = input.Name.Trim();
        if (newName != profile.Name && await db.ServiceProfiles.AnyAsync(p => p.Name == newName, cancellationToken))
        {
            return new ProvisioningResult<ServiceProfileView>.Conflict("name", $"Service profile {newName} already exists.");
        }
        db.InitialFilterCriteria.RemoveRange(profile.Criteria);
        // Delete the old criteria first: the new ones may reuse their priorities, which are unique per profile.
        await db.SaveChangesAsync(cancellationToken);
        profile.Name = newName;
        profile.UpdatedAt = _time.GetUtcNow();
        // Added explicitly: criteria found through the navigation with their keys already set would be taken for
        // existing rows and UPDATEd (EF Core treats a set generated key as "exists").
        var criteria = ToEntities(input);
        foreach (var criterion in criteria) criterion.ServiceProfileId = profile.Id;
        db.InitialFilterCriteria.AddRange(criteria);
        profile.Criteria = criteria;
        await db.SaveChangesAsync(cancellationToken);
        _cache.Clear();
        await _audit.RecordAsync(RegistrationEventType.ServiceProfileChanged, actor, $"replaced service profile {name}", cancellationToken);
        return new ProvisioningResult<ServiceProfileView>.Ok((await GetAsync(newName, cancellationToken))!);
    }

    /// <summary>Deletes an unused profile; Conflict while IMPUs still use it.</summary>
    public async Task<ProvisioningResult<ServiceProfileView>> DeleteAsync(string name, string actor, CancellationToken cancellationToken)
    {
        var view = await GetAsync(name, cancellationToken);
        if (view is null) return new ProvisioningResult<ServiceProfileView>.NotFound($"service profile {name}");
        if (view.PublicIdentityCount > 0)
        {
            return new ProvisioningResult<ServiceProfileView>.Conflict("name", $"{view.PublicIdentityCount} IMPU(s) still use service profile {name}.");
        }
        await using var db = _contexts.CreateDbContext();
        await db.ServiceProfiles.Where(p => p.Id == view.Id).ExecuteDeleteAsync(cancellationToken);
        await _audit.RecordAsync(RegistrationEventType.ServiceProfileChanged, actor, $"deleted service profile {name}", cancellationToken);
        return new ProvisioningResult<ServiceProfileView>.Ok(view);
    }

    private static Dictionary<string, string[]> Validate(ServiceProfileInput input)
    {
        var errors = new SubscriberValidator.Errors();
        if (input.Name.Trim().Length is 0 or > 200) errors.Add("name", "1 to 200 characters.");
        var priorities = new HashSet<int>();
        for (var i = 0; i < input.Criteria.Count; i++)
        {
            var criterion = input.Criteria[i];
            if (!priorities.Add(criterion.Priority)) errors.Add($"criteria[{i}].priority", "Priorities must be unique within a profile (TS 29.228 B.2.2).");
            if (!IdentityFormat.IsSipUri(criterion.ApplicationServerUri))
            {
                errors.Add($"criteria[{i}].applicationServerUri", "Expected a sip: or sips: URI.");
            }
            for (var j = 0; j < criterion.Triggers.Count; j++)
            {
                var trigger = criterion.Triggers[j];
                var field = $"criteria[{i}].triggers[{j}]";
                if (string.IsNullOrWhiteSpace(trigger.Value)) errors.Add(field + ".value", "Required.");
                else if (trigger.Kind == ServicePointTriggerKind.SessionCase && !Enum.TryParse<SessionCase>(trigger.Value, ignoreCase: true, out _))
                {
                    errors.Add(field + ".value", $"One of {string.Join(", ", Enum.GetNames<SessionCase>())}.");
                }
                else if (trigger.Kind == ServicePointTriggerKind.Method && !trigger.Value.All(char.IsAsciiLetterUpper))
                {
                    errors.Add(field + ".value", "A SIP method in capitals, e.g. INVITE.");
                }
                if (trigger.Content is { } content && !IsRegex(content)) errors.Add(field + ".content", "Not a valid regular expression.");
            }
        }
        return errors.ToDictionary();
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static List<InitialFilterCriterion> ToEntities(ServiceProfileInput input) => input.Criteria.Select(c => new InitialFilterCriterion
    {
        Id = Guid.NewGuid(), Priority = c.Priority, ConditionType = c.ConditionType, ApplicationServerUri = c.ApplicationServerUri.Trim(),
        DefaultHandling = c.DefaultHandling, ServiceInfo = c.ServiceInfo,
        Triggers = c.Triggers.Select(t => new ServicePointTrigger
        {
            Id = Guid.NewGuid(), Group = t.Group, ConditionNegated = t.ConditionNegated, Kind = t.Kind, Value = t.Value.Trim(), Content = t.Content,
        }).ToList(),
    }).ToList();

    private static async Task<IReadOnlyList<ServiceProfileView>> ViewsAsync(ImsLabDbContext db, IQueryable<ServiceProfile> profiles, CancellationToken cancellationToken)
    {
        var rows = await profiles.AsNoTracking().AsSplitQuery().Include(p => p.Criteria).ThenInclude(c => c.Triggers).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.PublicIdentities.Where(i => i.ServiceProfileId != null && ids.Contains(i.ServiceProfileId.Value))
            .GroupBy(i => i.ServiceProfileId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return rows.Select(p => new ServiceProfileView(p.Id, p.Name, p.Criteria.OrderBy(c => c.Priority).Select(c => new InitialFilterCriterionInput
        {
            Priority = c.Priority, ConditionType = c.ConditionType, ApplicationServerUri = c.ApplicationServerUri, DefaultHandling = c.DefaultHandling,
            ServiceInfo = c.ServiceInfo,
            Triggers = c.Triggers.OrderBy(t => t.Group).ThenBy(t => t.Kind).ThenBy(t => t.Value, StringComparer.Ordinal).Select(t => new ServicePointTriggerInput
            {
                Group = t.Group, ConditionNegated = t.ConditionNegated, Kind = t.Kind, Value = t.Value, Content = t.Content,
            }).ToList(),
        }).ToList(), counts.GetValueOrDefault(p.Id))).ToList();
    }
}
