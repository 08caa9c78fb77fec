using ImsLab.Sip.Messages;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.RegEvent;

/// <summary>
/// Builds the reginfo document of an implicit registration set as TS 24.229 5.4.2.1.2 asks: one registration element
/// per non-barred IMPU of the set, each listing every active contact and the contacts this notification announces as
/// terminated, with the event that caused each contact's state.
/// </summary>
internal static class ReginfoBuilder
{
    public static ReginfoDocument Build(
        long version,
        IReadOnlyList<PublicIdentity> members,
        IReadOnlyList<RegistrationBinding> active,
        IReadOnlyList<ContactChange> changes,
        DateTimeOffset now)
    {
        var contacts = new List<ReginfoContact>(active.Count + changes.Count);
        foreach (var binding in active)
        {
            var contactEvent = binding.ReauthenticationRequired ? ContactEvent.Shortened : ContactEvent.Registered;
            foreach (var change in changes)
            {
                if (change.Binding.Id == binding.Id && !change.Terminated)
                {
                    contactEvent = change.Event;
                }
            }
            contacts.Add(Contact(binding, ContactState.Active, contactEvent, now));
        }
        foreach (var change in changes)
        {
            if (change.Terminated)
            {
                contacts.Add(Contact(change.Binding, ContactState.Terminated, change.Event, now));
            }
        }

        var state = active.Count > 0 ? RegistrationState.Active
            : contacts.Count > 0 ? RegistrationState.Terminated
            : RegistrationState.Init;
        var registrations = new List<ReginfoRegistration>(members.Count);
        foreach (var member in members)
        {
            // TS 24.229 5.4.2.1.2: barred IMPUs are not shown to watchers.
            if (!member.Barred)
            {
                registrations.Add(new ReginfoRegistration(member.Uri, ImplicitSetRegistration.RegistrationIdOf(member.Uri), state, contacts));
            }
        }
        return new ReginfoDocument(version, ReginfoState.Full, registrations);
    }

    private static ReginfoContact Contact(RegistrationBinding binding, ContactState state, ContactEvent contactEvent, DateTimeOffset now)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        if (SipParameters.TryParseHeaderParameters(binding.ContactParameters, out var parsed))
        {
            foreach (var parameter in parsed)
            {
                // expires and q have attributes of their own (RFC 3680 5.3).
                if (!parameter.Key.Equals("expires", StringComparison.OrdinalIgnoreCase) && !parameter.Key.Equals("q", StringComparison.OrdinalIgnoreCase))
                {
                    parameters.Add(parameter);
                }
            }
        }
        long? expires = state == ContactState.Active ? Math.Max(0, (long)Math.Ceiling((binding.ExpiresAt - now).TotalSeconds)) : null;
        return new ReginfoContact(
            binding.Id.ToString("N"),
            state,
            contactEvent,
            binding.ContactUri,
            expires,
            Math.Max(0, (long)(now - binding.RegisteredAt).TotalSeconds),
            parameters)
        {
            Q = binding.Q,
            CallId = binding.CallId,
            CSeq = binding.CSeq,
        };
    }
}
