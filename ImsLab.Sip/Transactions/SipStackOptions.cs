using ImsLab.Sip.Transport;

namespace ImsLab.Sip.Transactions;

/// <summary>Everything a <see cref="SipStack"/> is built from.</summary>
public sealed class SipStackOptions
{
    /// <summary>Listeners and transport limits.</summary>
    public SipTransportOptions Transport { get; set; } = new();

    /// <summary>T1, T2, T4.</summary>
    public SipTimerOptions Timers { get; set; } = new();

    /// <summary>Option tags we support (RFC 3261 20.37): sent in Supported, accepted in Require.</summary>
    public IList<string> SupportedOptionTags { get; } = ["path", "outbound", "gruu"];

    /// <summary>
    /// Option tags accepted in Require without claiming support. "sec-agree" is there because UEs send
    /// "Require: sec-agree" to the P-CSCF (TS 24.229 5.1.1.2, RFC 3329), a role this lab core plays without IPsec:
    /// refusing it with 420 would stop every such UE from registering.
    /// </summary>
    public IList<string> ToleratedRequireOptionTags { get; } = ["sec-agree"];
}
