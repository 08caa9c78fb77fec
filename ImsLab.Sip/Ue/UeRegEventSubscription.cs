namespace ImsLab.Sip.Ue;

/// <summary>The UE's reg-event subscription dialog (RFC 6665, TS 24.229 5.1.1.3) and its refresh timer.</summary>
internal sealed class UeRegEventSubscription(UeCallLeg leg) : IDisposable
{
    public UeCallLeg Leg { get; } = leg;

    /// <summary>The highest reginfo version applied; RFC 3680 5.2: older or repeated documents are discarded.</summary>
    public long? LastVersion { get; set; }

    public bool Terminated { get; set; }

    public ITimer? RefreshTimer { get; set; }

    public DateTimeOffset? RefreshAt { get; set; }

    public void Dispose()
    {
        RefreshTimer?.Dispose();
        RefreshTimer = null;
        RefreshAt = null;
    }
}
