namespace ImsLab.Sip.Ue;

/// <summary>When a UE refreshes a registration or a reg-event subscription.</summary>
internal static class UeRefreshPolicy
{
    private static readonly TimeSpan LongLifetimeThreshold = TimeSpan.FromSeconds(1200);
    private static readonly TimeSpan LongLifetimeMargin = TimeSpan.FromSeconds(600);

    /// <summary>
    /// TS 24.229 5.1.1.4.1 (registration) and 5.1.1.3 (reg-event subscription): refresh 600 seconds before the
    /// expiration time if the previous registration was for more than 1200 seconds, or when half of the time has
    /// expired if it was for 1200 seconds or less.
    /// </summary>
    public static TimeSpan RefreshDelay(TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero) return TimeSpan.Zero;
        return lifetime > LongLifetimeThreshold ? lifetime - LongLifetimeMargin : lifetime / 2;
    }
}
