namespace ImsLab.Sip.Subscribers;

/// <summary>
/// Which visited networks (P-Visited-Network-ID values, RFC 7315 4.3, TS 24.229 5.4.1.2.1) a subscription may
/// register from.
/// </summary>
/// <param name="AllowedVisitedNetworks">Allowed network ids (compared case-insensitively), or null for any network.</param>
public sealed record RoamingPolicy(IReadOnlyList<string>? AllowedVisitedNetworks)
{
    /// <summary>The policy that allows every visited network.</summary>
    public static RoamingPolicy Any { get; } = new((IReadOnlyList<string>?)null);

    /// <summary>
    /// True when a REGISTER carrying this P-Visited-Network-ID value (null when the header is absent: home
    /// network) may proceed.
    /// </summary>
    public bool Allows(string? visitedNetwork)
    {
        if (AllowedVisitedNetworks is null || visitedNetwork is null) return true;
        var id = visitedNetwork.Trim().Trim('"');
        foreach (var allowed in AllowedVisitedNetworks)
        {
            if (string.Equals(allowed, id, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
