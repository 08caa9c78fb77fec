using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Monitoring;

/// <summary>
/// Read side of the registrar for the REST API and the dashboard: the live bindings (the registrar's table is the
/// source of truth while the process runs) and the SIP exchanges recorded in the event log.
/// </summary>
public sealed class RegistrationQueries(ImsLabSipEngine engine, IRegistrationEventLog eventLog)
{
    /// <summary>Contacts registered right now.</summary>
    public long RegisteredContacts => engine.RegisteredContacts;

    /// <summary>The bindings matching <paramref name="filter"/>, ordered by IMPU, then contact.</summary>
    public RegistrationPage List(RegistrationFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var page = Math.Max(1, filter.Page);
        var pageSize = Math.Clamp(filter.PageSize, 1, RegistrationFilter.MaxPageSize);

        // Filters look at every IMPU of a set: an implicitly registered IMPU (a tel URI next to the SIP URI the UE
        // registered) finds the contacts it shares, although each binding names only the IMPU of its REGISTER.
        IEnumerable<RegisteredImplicitSet> sets = engine.CurrentImplicitSets();
        if (!string.IsNullOrWhiteSpace(filter.Impu))
        {
            var impu = filter.Impu.Trim();
            sets = sets.Where(set => set.Members.Any(m => string.Equals(m.Uri, impu, StringComparison.OrdinalIgnoreCase))
                || set.Bindings.Any(b => string.Equals(b.Impu, impu, StringComparison.OrdinalIgnoreCase)));
        }
        var text = filter.Search?.Trim();
        IEnumerable<RegistrationBinding> matching = sets.SelectMany(set => set.Bindings.Where(b =>
            string.IsNullOrEmpty(text) || set.Members.Any(m => Contains(m.Uri, text))
            || Contains(b.Impu, text) || Contains(b.Impi, text) || Contains(b.ContactUri, text) || Contains(b.UserAgent, text)));
        if (!string.IsNullOrWhiteSpace(filter.Impi))
        {
            matching = matching.Where(b => string.Equals(b.Impi, filter.Impi.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        var ordered = matching
            .OrderBy(b => b.Impu, StringComparer.OrdinalIgnoreCase)
            .ThenBy(b => b.ContactUri, StringComparer.Ordinal)
            .ToList();
        var items = ordered.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return new RegistrationPage(items, ordered.Count, page, pageSize);
    }

    /// <summary>The live binding with this id, or null when it is not (or no longer) registered.</summary>
    public RegistrationBinding? Find(Guid bindingId) => engine.CurrentBindings().FirstOrDefault(b => b.Id == bindingId);

    /// <summary>Every live binding of one IMPI, ordered by IMPU, then contact.</summary>
    public IReadOnlyList<RegistrationBinding> OfSubscriber(string impi) =>
        List(new RegistrationFilter { Impi = impi, PageSize = RegistrationFilter.MaxPageSize }).Items;

    /// <summary>
    /// The last SIP exchanges about the binding's IMPU (REGISTER and its answers, SUBSCRIBE/NOTIFY of reg-event), as
    /// the events that carry a trace, oldest first: what the dashboard draws as a ladder diagram.
    /// </summary>
    public async Task<IReadOnlyList<RegistrationEvent>> RecentExchangesAsync(RegistrationBinding binding, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        // Events without a trace (expiry, audit) share the filter, so ask for more than needed.
        var events = await eventLog.QueryAsync(
            new RegistrationEventQuery
            {
                Impus = [binding.Impu], IncludeSipTrace = true, Limit = Math.Min(limit * 4, RegistrationEventQuery.MaxLimit),
            },
            ct).ConfigureAwait(false);
        return events.Where(e => e.SipTrace is { Count: > 0 })
            .Take(limit)
            .OrderBy(e => e.OccurredAt)
            .ThenBy(e => e.Id)
            .ToList();
    }

    private static bool Contains(string? value, string text) => value?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;
}
