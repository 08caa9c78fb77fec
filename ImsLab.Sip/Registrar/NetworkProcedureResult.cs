namespace ImsLab.Sip.Registrar;

/// <summary>What a network-initiated procedure did.</summary>
/// <param name="EventIds">The ids of the registration events it published (and the event log stores).</param>
/// <param name="AffectedContacts">How many bindings it removed or marked.</param>
public sealed record NetworkProcedureResult(IReadOnlyList<Guid> EventIds, int AffectedContacts);
