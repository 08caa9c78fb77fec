using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Monitoring;

/// <summary>
/// One registered implicit registration set as the read side sees it (TS 23.228 4.3.3.4): every IMPU of the set,
/// the registered one first, and the contacts they share. A binding names only the IMPU of its REGISTER's To; the
/// others are registered with it.
/// </summary>
public sealed record RegisteredImplicitSet(IReadOnlyList<PublicIdentity> Members, IReadOnlyList<RegistrationBinding> Bindings);
