using System.Collections.Concurrent;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Registrar;

/// <summary>
/// The registrar's state at run time, the source of truth while the process lives (the database holds the durable
/// copy): every IMPU maps to the <see cref="ImplicitSetRegistration"/> of its set, so all IMPUs of a set see the same
/// contacts.
/// </summary>
internal sealed class RegistrationTable
{
    private readonly ConcurrentDictionary<string, ImplicitSetRegistration> _byImpu = new(StringComparer.OrdinalIgnoreCase);
    private long _contacts;
    private int _sets;

    /// <summary>Contacts bound right now, across all sets.</summary>
    public long ContactCount => Interlocked.Read(ref _contacts);

    /// <summary>Implicit registration sets with at least one contact right now.</summary>
    public int SetCount => Volatile.Read(ref _sets);

    public ImplicitSetRegistration? Find(string impu) => _byImpu.TryGetValue(impu, out var registration) ? registration : null;

    /// <summary>The set that <paramref name="impu"/> belongs to, created (and mapped for every member) when absent.</summary>
    public ImplicitSetRegistration GetOrCreate(string impu, IReadOnlyList<PublicIdentity> members)
    {
        while (true)
        {
            var registration = _byImpu.GetOrAdd(impu, static (key, m) => new ImplicitSetRegistration(key, m), members);
            lock (registration.Gate)
            {
                if (registration.Removed)
                {
                    continue;
                }
                foreach (var member in members)
                {
                    _byImpu.TryAdd(member.Uri, registration);
                }
                return registration;
            }
        }
    }

    /// <summary>Every registered set once.</summary>
    public IEnumerable<ImplicitSetRegistration> Registrations() =>
        _byImpu.Values.Distinct(ReferenceEqualityComparer.Instance).Cast<ImplicitSetRegistration>();

    /// <summary>Replaces the bindings of a set; the caller holds its gate. Forgets the set when none are left.</summary>
    public void SetBindings(ImplicitSetRegistration registration, RegistrationBinding[] bindings)
    {
        Interlocked.Add(ref _contacts, bindings.Length - registration.Bindings.Length);
        if (registration.Bindings.Length == 0 && bindings.Length > 0)
        {
            Interlocked.Increment(ref _sets);
        }
        else if (registration.Bindings.Length > 0 && bindings.Length == 0)
        {
            Interlocked.Decrement(ref _sets);
        }
        registration.Bindings = bindings;
        if (bindings.Length == 0)
        {
            registration.Removed = true;
            _byImpu.TryRemove(new KeyValuePair<string, ImplicitSetRegistration>(registration.RegisteredImpu, registration));
            foreach (var member in registration.Members)
            {
                _byImpu.TryRemove(new KeyValuePair<string, ImplicitSetRegistration>(member.Uri, registration));
            }
        }
    }
}
