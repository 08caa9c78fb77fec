using ImsLab.Sip.RegEvent;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Registrar;

// Network-initiated deregistration (TS 24.229 5.4.1.5) and re-authentication (5.4.1.6): the same table, commit queue,
// NOTIFYs and events as a REGISTER, started by the operator instead of the UE.
internal sealed partial class Registrar
{
    /// <summary>
    /// Removes the bindings of <paramref name="impi"/>: of one IMPU's implicit set when <paramref name="impu"/> is
    /// given, of one contact when <paramref name="contact"/> is given too, else of every IMPU the IMPI registered.
    /// Watchers get a NOTIFY with the contacts terminated by <paramref name="reason"/>; when a set has no contact left
    /// its subscriptions end with the same reason.
    /// </summary>
    public async Task<NetworkProcedureResult> DeregisterAsync(string impi, string? impu, string? contact, NetworkDeregistrationReason reason,
        string actor)
    {
        var contactEvent = reason == NetworkDeregistrationReason.Rejected ? ContactEvent.Rejected : ContactEvent.Deactivated;
        var termination = reason == NetworkDeregistrationReason.Rejected ? SubscriptionTerminationReason.Rejected : SubscriptionTerminationReason.Deactivated;
        var now = _time.GetUtcNow();
        var eventIds = new List<Guid>();
        var commits = new List<Task>();
        var affected = 0;
        foreach (var registration in RegistrationsOf(impi, impu))
        {
            RemovedBindings? taken;
            lock (registration.Gate)
            {
                taken = RemoveBindings(registration, b => string.Equals(b.Impi, impi, StringComparison.OrdinalIgnoreCase)
                    && (contact is null || UriEquality.Equal(b.ContactUri, contact)), contactEvent);
            }
            if (taken is not { } removed)
            {
                continue;
            }
            commits.Add(removed.Commit);
            affected += removed.Changes.Count;
            _notifier.OnRegistrationChanged(removed.Members, removed.Remaining, removed.Changes, removed.Remaining.Length == 0 ? termination : null);
            foreach (var change in removed.Changes)
            {
                eventIds.Add(Publish(RegistrationEventType.NetworkDeregistered, impi, change.Binding.Impu, change.Binding.ContactUri,
                    change.Binding.Flow.ToString(), contactEvent == ContactEvent.Rejected ? "rejected" : "deactivated", actor, null, now));
            }
        }
        await Task.WhenAll(commits).ConfigureAwait(false);
        return new NetworkProcedureResult(eventIds, affected);
    }

    /// <summary>
    /// Marks every registration of <paramref name="impi"/> as needing re-authentication: the next REGISTER is
    /// challenged even when integrity-protected or answering a nonce issued before, and the bindings are shortened to the re-authentication expiry,
    /// which watchers learn through a NOTIFY with contact event "shortened".
    /// </summary>
    public async Task<NetworkProcedureResult> RequireReauthenticationAsync(string impi, string actor)
    {
        var now = _time.GetUtcNow();
        var shortenedUntil = now.AddSeconds(_options.ReauthenticationExpiresSeconds);
        var eventIds = new List<Guid>();
        var commits = new List<Task>();
        var affected = 0;
        _lastAuthenticated.TryRemove(impi, out _);
        // TS 24.229 5.4.1.6: re-authentication means a new challenge. A UE may answer a re-registration by reusing its
        // last nonce with the next nonce-count (RFC 7616 3.4), which would verify without one; forgetting the IMPI's
        // nonces makes that REGISTER challenged.
        _authenticator.RevokeNonces(impi);
        foreach (var registration in RegistrationsOf(impi, impu: null))
        {
            var shortened = new List<ContactChange>();
            var changes = new List<BindingChange>();
            IReadOnlyList<PublicIdentity> members;
            RegistrationBinding[] bindings;
            lock (registration.Gate)
            {
                if (registration.Removed)
                {
                    continue;
                }
                bindings = [.. registration.Bindings];
                for (var i = 0; i < bindings.Length; i++)
                {
                    var binding = bindings[i];
                    if (!string.Equals(binding.Impi, impi, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }
                    bindings[i] = binding with
                    {
                        ReauthenticationRequired = true,
                        ExpiresAt = binding.ExpiresAt < shortenedUntil ? binding.ExpiresAt : shortenedUntil,
                    };
                    shortened.Add(new ContactChange(bindings[i], ContactEvent.Shortened));
                    changes.Add(new BindingChange.Upsert(bindings[i]));
                }
                if (shortened.Count == 0)
                {
                    continue;
                }
                members = registration.Members;
                _table.SetBindings(registration, bindings);
                commits.Add(_commits.CommitAsync(changes));
            }
            affected += shortened.Count;
            foreach (var change in shortened)
            {
                _expiry.Schedule(new ScheduledExpiry(change.Binding.Impu, change.Binding.Id, change.Binding.ExpiresAt));
                eventIds.Add(Publish(RegistrationEventType.ReauthenticationRequested, impi, change.Binding.Impu, change.Binding.ContactUri,
                    change.Binding.Flow.ToString(), "shortened", actor, null, now));
            }
            _notifier.OnRegistrationChanged(members, bindings, shortened, termination: null);
        }
        await Task.WhenAll(commits).ConfigureAwait(false);
        return new NetworkProcedureResult(eventIds, affected);
    }

    private List<ImplicitSetRegistration> RegistrationsOf(string impi, string? impu)
    {
        if (impu is not null)
        {
            return _table.Find(impu) is { } one ? [one] : [];
        }
        var found = new List<ImplicitSetRegistration>();
        foreach (var registration in _table.Registrations())
        {
            foreach (var binding in registration.Bindings)
            {
                if (string.Equals(binding.Impi, impi, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(registration);
                    break;
                }
            }
        }
        return found;
    }
}
