namespace ImsLab.Api.Registrations;

/// <summary>What a network-initiated procedure did: the events it published (see /api/events) and how many bindings it touched.</summary>
internal sealed record NetworkProcedureResponse(IReadOnlyList<Guid> EventIds, int AffectedContacts);
