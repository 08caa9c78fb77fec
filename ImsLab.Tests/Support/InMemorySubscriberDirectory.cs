using ImsLab.Sip.Subscribers;

namespace ImsLab.Tests.Support;

/// <summary>
/// Subscribers held in memory, for in-process registrar tests that need no database; the PostgreSQL end-to-end tests
/// use the real directory from ImsLab.Data.
/// </summary>
internal sealed class InMemorySubscriberDirectory : ISubscriberDirectory
{
    private readonly Lock _gate = new();
    private readonly List<SubscriberProfile> _profiles = [];

    public void Add(SubscriberProfile profile) { lock (_gate) _profiles.Add(profile); }

    /// <summary>Provisioning changed a subscriber: the profile of the same IMPI is replaced.</summary>
    public void Replace(SubscriberProfile profile)
    {
        lock (_gate)
        {
            _profiles.RemoveAll(p => string.Equals(p.Impi, profile.Impi, StringComparison.OrdinalIgnoreCase));
            _profiles.Add(profile);
        }
    }

    public ValueTask<SubscriberProfile?> FindByImpiAsync(string impi, CancellationToken cancellationToken)
    {
        lock (_gate) return ValueTask.FromResult(_profiles.FirstOrDefault(p => string.Equals(p.Impi, impi, StringComparison.OrdinalIgnoreCase)));
    }

    public ValueTask<ImpuLookupResult> FindByImpuAsync(string impu, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var owners = _profiles.Where(p => p.Owns(impu)).ToList();
            return ValueTask.FromResult(owners.Count switch
            {
                0 => ImpuLookupResult.NotFound,
                1 => new ImpuLookupResult(ImpuLookupOutcome.Found, owners[0], [owners[0].Impi]),
                _ => new ImpuLookupResult(ImpuLookupOutcome.Ambiguous, null, [.. owners.Select(o => o.Impi)]),
            });
        }
    }
}
