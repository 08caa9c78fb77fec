namespace ImsLab.Sip.Subscribers;

/// <summary>
/// One contact bound to an IMPU (RFC 3261 10.3, TS 24.229 5.4.1.2), with everything needed to rebuild the
/// registrar's state after a restart and to reach the UE.
/// </summary>
public sealed record RegistrationBinding
{
    /// <summary>Stable id of the binding (also the reg-event contact id).</summary>
    public required Guid Id { get; init; }

    /// <summary>The address of record (normalized IMPU).</summary>
    public required string Impu { get; init; }

    /// <summary>The IMPI that registered it.</summary>
    public required string Impi { get; init; }

    /// <summary>The Contact URI as received (without header parameters).</summary>
    public required string ContactUri { get; init; }

    /// <summary>All Contact header parameters as received, e.g. ";expires=600;+sip.instance=\"&lt;urn:...&gt;\"".</summary>
    public required string ContactParameters { get; init; }

    /// <summary>When the binding expires unless refreshed.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The Contact's q value (RFC 3261 20.10), when given.</summary>
    public float? Q { get; init; }

    /// <summary>+sip.instance (RFC 5626 4.1), when given.</summary>
    public string? InstanceId { get; init; }

    /// <summary>reg-id (RFC 5626 4.2), when given.</summary>
    public int? RegId { get; init; }

    /// <summary>Feature tags of the Contact (RFC 3840), e.g. "+g.3gpp.icsi-ref=...".</summary>
    public IReadOnlyList<string> FeatureTags { get; init; } = [];

    /// <summary>Path header values of the REGISTER (RFC 3327), in order.</summary>
    public IReadOnlyList<string> Path { get; init; } = [];

    /// <summary>The flow the REGISTER arrived on.</summary>
    public required BindingFlow Flow { get; init; }

    /// <summary>Call-ID of the REGISTER (RFC 3261 10.3 step 7 uses it with CSeq to order refreshes).</summary>
    public required string CallId { get; init; }

    /// <summary>CSeq number of the last REGISTER that refreshed the binding.</summary>
    public required uint CSeq { get; init; }

    /// <summary>User-Agent header value, when given.</summary>
    public string? UserAgent { get; init; }

    /// <summary>P-Access-Network-Info (RFC 7315 4.4), when given.</summary>
    public string? AccessNetworkInfo { get; init; }

    /// <summary>P-Visited-Network-ID (RFC 7315 4.3), when given.</summary>
    public string? VisitedNetwork { get; init; }

    /// <summary>The S-CSCF that holds the registration (our Service-Route URI).</summary>
    public required string ScscfUri { get; init; }

    /// <summary>When the binding was first created.</summary>
    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>When the binding was last refreshed.</summary>
    public required DateTimeOffset RefreshedAt { get; init; }

    /// <summary>TS 24.229 5.4.1.6: the network asked for re-authentication; the next REGISTER is challenged.</summary>
    public bool ReauthenticationRequired { get; init; }
}
