namespace ImsLab.Sip.RegEvent;

/// <summary>One <c>contact</c> element of a reginfo document (RFC 3680 5.3).</summary>
/// <param name="Id">Stable identifier of the binding within the subscription.</param>
/// <param name="State">Active or terminated.</param>
/// <param name="Event">What brought the contact into its state.</param>
/// <param name="Uri">The contact URI.</param>
/// <param name="ExpiresSeconds">Seconds left until the binding expires; absent on terminated contacts.</param>
/// <param name="DurationRegisteredSeconds">Seconds since the binding was first registered.</param>
/// <param name="Parameters">Contact header parameters other than expires and q, carried as <c>unknown-param</c>
/// elements (for example <c>+sip.instance</c>, <c>reg-id</c>, <c>+g.3gpp.icsi-ref</c>); a null value is a flag.</param>
internal sealed record ReginfoContact(
    string Id,
    ContactState State,
    ContactEvent Event,
    string Uri,
    long? ExpiresSeconds = null,
    long? DurationRegisteredSeconds = null,
    IReadOnlyList<KeyValuePair<string, string?>>? Parameters = null)
{
    /// <summary>The contact's q value when it had one.</summary>
    public float? Q { get; init; }

    /// <summary>The Call-ID of the REGISTER that last refreshed the binding.</summary>
    public string? CallId { get; init; }

    /// <summary>The CSeq number of the REGISTER that last refreshed the binding.</summary>
    public uint? CSeq { get; init; }

    /// <summary>Seconds after which the UE may re-register, used with the <see cref="ContactEvent.Probation"/> event.</summary>
    public long? RetryAfterSeconds { get; init; }

    /// <summary>The display name of the Contact header, when it had one.</summary>
    public string? DisplayName { get; init; }
}
