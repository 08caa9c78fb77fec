namespace ImsLab.Api.Hosting.Configuration;

/// <summary>RFC 3261 17.1.1.1 and table 4: the base timers every transaction timer is derived from.</summary>
internal sealed class SipTimerOptions
{
    /// <summary>RTT estimate, 500 ms by default.</summary>
    public TimeSpan T1 { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Maximum retransmit interval for non-INVITE requests and INVITE responses, 4 s by default.</summary>
    public TimeSpan T2 { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Maximum duration a message remains in the network, 5 s by default.</summary>
    public TimeSpan T4 { get; set; } = TimeSpan.FromSeconds(5);
}
