namespace ImsLab.Sip.Transactions;

/// <summary>The base timer values of RFC 3261 17 (table 4); every transaction timer derives from them.</summary>
public sealed class SipTimerOptions
{
    /// <summary>T1: RTT estimate, 500 ms by default.</summary>
    public TimeSpan T1 { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>T2: the longest retransmit interval for non-INVITE requests and INVITE responses, 4 s by default.</summary>
    public TimeSpan T2 { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>T4: how long a message may remain in the network, 5 s by default.</summary>
    public TimeSpan T4 { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timers B, F, H and J over UDP: 64*T1.</summary>
    internal TimeSpan SixtyFourT1 => T1 * 64;

    /// <summary>Timer J (17.2.2): how long a completed non-INVITE server transaction absorbs retransmissions.</summary>
    internal TimeSpan TimerJ(bool reliable) => reliable ? TimeSpan.Zero : SixtyFourT1;

    /// <summary>Timer K (17.1.2.2): how long a completed non-INVITE client transaction absorbs response retransmissions.</summary>
    internal TimeSpan TimerK(bool reliable) => reliable ? TimeSpan.Zero : T4;

    /// <summary>Timer I (17.2.1): how long a confirmed INVITE server transaction absorbs ACK retransmissions.</summary>
    internal TimeSpan TimerI(bool reliable) => reliable ? TimeSpan.Zero : T4;

    /// <summary>The next retransmit interval of timers E and G: doubled, capped at T2 (17.1.2.2, 17.2.1).</summary>
    internal TimeSpan NextRetransmitInterval(TimeSpan current) => current * 2 < T2 ? current * 2 : T2;
}
