namespace ImsLab.Sip.Ue;

/// <summary>One <c>registration</c> element of a reginfo document (RFC 3680 5.1.2): an address of record and its contacts.</summary>
/// <param name="Aor">The address of record (an IMPU).</param>
/// <param name="Id">The registration's id attribute.</param>
/// <param name="State">Init, active or terminated.</param>
/// <param name="Contacts">The contacts in document order.</param>
public sealed record UeReginfoRegistration(
    string Aor,
    string Id,
    ReginfoRegistrationState State,
    IReadOnlyList<UeReginfoContact> Contacts);
