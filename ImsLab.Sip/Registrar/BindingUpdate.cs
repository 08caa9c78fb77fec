using ImsLab.Sip.RegEvent;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Registrar;

/// <summary>
/// The binding rules of RFC 3261 10.3 steps 6 to 8 and RFC 5626 4.2, as a pure function of the current bindings of
/// an implicit registration set and one REGISTER: which bindings are added, refreshed, replaced or removed.
/// </summary>
internal sealed class BindingUpdate
{
    private BindingUpdate(BindingUpdateOutcome outcome, RegistrationBinding[] bindings, List<BindingChange> changes, List<ContactChange> contactChanges)
    {
        Outcome = outcome;
        Bindings = bindings;
        Changes = changes;
        ContactChanges = contactChanges;
    }

    public BindingUpdateOutcome Outcome { get; }

    /// <summary>The bindings of the set after the update (unchanged when the outcome is not Applied).</summary>
    public RegistrationBinding[] Bindings { get; }

    /// <summary>What to commit, in order.</summary>
    public List<BindingChange> Changes { get; }

    /// <summary>What changed, for reg-event and the event log.</summary>
    public List<ContactChange> ContactChanges { get; }

    public static BindingUpdate Compute(
        IReadOnlyList<RegistrationBinding> current,
        BindingRequest request,
        RegistrarOptions options,
        string scscfUri,
        Func<string, string, bool> sameUri)
    {
        var bindings = new List<RegistrationBinding>(current);
        var changes = new List<BindingChange>();
        var contactChanges = new List<ContactChange>();
        BindingUpdate Fail(BindingUpdateOutcome outcome) => new(outcome, [.. current], [], []);

        if (request.Wildcard)
        {
            // RFC 3261 10.3 step 6: "*" removes every binding, subject to the Call-ID/CSeq check of step 7.
            foreach (var binding in current)
            {
                if (IsOutOfOrder(binding, request))
                {
                    return Fail(BindingUpdateOutcome.OutOfOrder);
                }
            }
            foreach (var binding in current)
            {
                changes.Add(new BindingChange.Remove(binding.Id));
                contactChanges.Add(new ContactChange(binding, ContactEvent.Unregistered));
            }
            return new BindingUpdate(BindingUpdateOutcome.Applied, [], changes, contactChanges);
        }

        foreach (var contact in request.Contacts)
        {
            var expires = contact.RequestedExpiresSeconds ?? options.DefaultExpiresSeconds;
            if (expires != 0 && expires < options.MinExpiresSeconds)
            {
                return Fail(BindingUpdateOutcome.IntervalTooBrief);
            }
        }

        foreach (var contact in request.Contacts)
        {
            var index = FindMatch(bindings, contact, sameUri);
            var existing = index >= 0 ? bindings[index] : null;
            if (existing is not null && IsOutOfOrder(existing, request))
            {
                return Fail(BindingUpdateOutcome.OutOfOrder);
            }

            var expires = contact.RequestedExpiresSeconds ?? options.DefaultExpiresSeconds;
            if (expires == 0)
            {
                if (existing is not null)
                {
                    bindings.RemoveAt(index);
                    changes.Add(new BindingChange.Remove(existing.Id));
                    contactChanges.Add(new ContactChange(existing, ContactEvent.Unregistered));
                }
                continue;
            }

            // The S-CSCF may shorten, never lengthen beyond its maximum (TS 24.229 5.4.1.2.2); the 200 OK says so.
            var granted = Math.Min(expires, options.MaxExpiresSeconds);
            var binding = new RegistrationBinding
            {
                Id = existing?.Id ?? Guid.CreateVersion7(request.Now),
                Impu = existing?.Impu ?? request.Impu,
                Impi = request.Impi,
                ContactUri = Kept(existing?.ContactUri, contact.Uri),
                ContactParameters = Kept(existing?.ContactParameters, contact.Parameters),
                ExpiresAt = request.Now.AddSeconds(granted),
                Q = contact.Q,
                InstanceId = Kept(existing?.InstanceId, contact.InstanceId),
                RegId = contact.RegId,
                FeatureTags = contact.FeatureTags,
                Path = request.Path,
                Flow = Kept(existing?.Flow, request.Flow),
                CallId = Kept(existing?.CallId, request.CallId),
                CSeq = request.CSeq,
                UserAgent = request.UserAgent,
                AccessNetworkInfo = request.AccessNetworkInfo,
                VisitedNetwork = request.VisitedNetwork,
                ScscfUri = scscfUri,
                RegisteredAt = existing?.RegisteredAt ?? request.Now,
                RefreshedAt = request.Now,
                ReauthenticationRequired = false,
            };
            if (existing is not null)
            {
                bindings[index] = binding;
                contactChanges.Add(new ContactChange(binding, ContactEvent.Refreshed));
            }
            else
            {
                bindings.Add(binding);
                contactChanges.Add(new ContactChange(binding, ContactEvent.Registered));
            }
            changes.Add(new BindingChange.Upsert(binding));
        }

        if (bindings.Count > options.MaxContactsPerImpu && bindings.Count > current.Count)
        {
            return Fail(BindingUpdateOutcome.TooManyContacts);
        }
        return new BindingUpdate(BindingUpdateOutcome.Applied, [.. bindings], changes, contactChanges);
    }

    // A refresh usually repeats the contact, Call-ID and flow of the binding it replaces: keeping the old instances
    // means the new binding, which lives until the next refresh and so is promoted by the GC, brings no new strings.
    private static T Kept<T>(T? previous, T current) where T : class? =>
        previous is not null && previous.Equals(current) ? previous : current;

    // RFC 5626 4.2 / 6: a contact with +sip.instance (and reg-id) replaces the binding of the same instance (and
    // reg-id) whatever its URI; otherwise bindings match by URI (RFC 3261 10.3 step 7, 19.1.4 comparison).
    private static int FindMatch(List<RegistrationBinding> bindings, RequestedContact contact, Func<string, string, bool> sameUri)
    {
        for (var i = 0; i < bindings.Count; i++)
        {
            var binding = bindings[i];
            if (contact.InstanceId is not null)
            {
                if (string.Equals(binding.InstanceId, contact.InstanceId, StringComparison.Ordinal) && binding.RegId == contact.RegId)
                {
                    return i;
                }
            }
            else if (binding.InstanceId is null && sameUri(binding.ContactUri, contact.Uri))
            {
                return i;
            }
        }
        return -1;
    }

    // RFC 3261 10.3 step 7: same Call-ID and a CSeq that is not higher means an old or replayed request.
    private static bool IsOutOfOrder(RegistrationBinding binding, BindingRequest request) =>
        string.Equals(binding.CallId, request.CallId, StringComparison.Ordinal) && request.CSeq <= binding.CSeq;
}
