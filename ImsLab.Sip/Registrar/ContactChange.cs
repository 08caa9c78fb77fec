using ImsLab.Sip.RegEvent;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Registrar;

/// <summary>A binding that a registration step created, refreshed, shortened or ended, with the RFC 3680 event that says so.</summary>
internal readonly record struct ContactChange(RegistrationBinding Binding, ContactEvent Event)
{
    public bool Terminated => Event is ContactEvent.Expired or ContactEvent.Deactivated or ContactEvent.Probation
        or ContactEvent.Unregistered or ContactEvent.Rejected;
}
