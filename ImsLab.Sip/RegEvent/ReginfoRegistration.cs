namespace ImsLab.Sip.RegEvent;

/// <summary>One <c>registration</c> element of a reginfo document: an address-of-record and its contacts (RFC 3680 5.3).</summary>
/// <param name="Aor">The address-of-record, e.g. an IMPU of the implicit registration set.</param>
/// <param name="Id">Stable identifier of this registration within the subscription.</param>
/// <param name="State">Init, active or terminated.</param>
/// <param name="Contacts">The contacts, active ones and those that this document announces as terminated.</param>
internal sealed record ReginfoRegistration(string Aor, string Id, RegistrationState State, IReadOnlyList<ReginfoContact> Contacts);
