namespace ImsLab.Api.Live;

/// <summary>
/// The SignalR groups of <see cref="RegistrationsHub"/>: a subscription is membership of one group, so the broadcaster
/// addresses each batch to groups and SignalR fans it out to their connections.
/// </summary>
internal static class LiveGroups
{
    /// <summary>Every registration and audit event.</summary>
    public const string All = "all";

    /// <summary>The periodic <c>counters</c> message.</summary>
    public const string Counters = "counters";

    private const string ImpuPrefix = "impu:";
    private const string ImpiPrefix = "impi:";

    /// <summary>Events whose IMPU is exactly <paramref name="impu"/> (as provisioned; SIP URIs compare case-sensitively in the user part, RFC 3261 19.1.4).</summary>
    public static string OfImpu(string impu) => ImpuPrefix + impu;

    /// <summary>Events whose IMPI is exactly <paramref name="impi"/>.</summary>
    public static string OfImpi(string impi) => ImpiPrefix + impi;
}
