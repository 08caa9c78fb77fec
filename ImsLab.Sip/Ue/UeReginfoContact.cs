using ImsLab.Sip.RegEvent;
namespace ImsLab.Sip.Ue;

/// <summary>One <c>contact</c> element of a reginfo document (RFC 3680 5.1.2).</summary>
/// <param name="Id">The contact's id attribute.</param>
/// <param name="State">Active or terminated.</param>
/// <param name="Event">What caused the state.</param>
/// <param name="Uri">The contact URI as the registrar holds it.</param>
/// <param name="Expires">Seconds left, when the document says.</param>
/// <param name="DurationRegistered">Seconds since the contact was first bound, when the document says.</param>
/// <param name="RetryAfter">Seconds to wait before registering again (probation), when the document says.</param>
/// <param name="DisplayName">The display-name element, when present.</param>
/// <param name="UnknownParameters">The unknown-param elements, name and value in document order (e.g. +sip.instance).</param>
public sealed record UeReginfoContact(
    string Id,
    ReginfoContactState State,
    ContactEvent Event,
    string Uri,
    long? Expires,
    long? DurationRegistered,
    long? RetryAfter,
    string? DisplayName,
    IReadOnlyList<KeyValuePair<string, string>> UnknownParameters)
{
    /// <summary>
    /// The +sip.instance value without its quotes and angle brackets (RFC 5626 4.1), or null when the contact has none.
    /// </summary>
    public string? InstanceId
    {
        get
        {
            foreach (var (name, value) in UnknownParameters)
            {
                if (string.Equals(name, "+sip.instance", StringComparison.OrdinalIgnoreCase))
                {
                    return value.Trim().Trim('"').Trim('<', '>');
                }
            }
            return null;
        }
    }
}
