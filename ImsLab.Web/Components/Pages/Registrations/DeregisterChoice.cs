using ImsLab.Sip.Registrar;

namespace ImsLab.Web.Components.Pages.Registrations;

/// <summary>What the engineer confirmed in the deregister dialog.</summary>
/// <param name="Scope">One contact or the whole subscriber.</param>
/// <param name="Reason">What the NOTIFY tells the UE (TS 24.229 5.4.1.5).</param>
public sealed record DeregisterChoice(DeregisterScope Scope, NetworkDeregistrationReason Reason);
