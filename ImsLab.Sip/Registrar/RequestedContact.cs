namespace ImsLab.Sip.Registrar;

/// <summary>One Contact of a REGISTER, reduced to what binding needs.</summary>
/// <param name="Uri">The contact URI as received.</param>
/// <param name="Parameters">All Contact header parameters as received (";expires=600;+sip.instance=...").</param>
/// <param name="RequestedExpiresSeconds">The contact's expires parameter, else the Expires header, else null.</param>
/// <param name="Q">The q parameter.</param>
/// <param name="InstanceId">+sip.instance (RFC 5626 4.1).</param>
/// <param name="RegId">reg-id (RFC 5626 4.2).</param>
/// <param name="FeatureTags">Feature tags (RFC 3840) as name[=value].</param>
internal sealed record RequestedContact(
    string Uri,
    string Parameters,
    long? RequestedExpiresSeconds,
    float? Q,
    string? InstanceId,
    int? RegId,
    IReadOnlyList<string> FeatureTags);
