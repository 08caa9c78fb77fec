namespace ImsLab.Api.Hosting.Configuration;

/// <summary>The SIP side of the server: home domain, the S-CSCF's own URI, listeners, timers and registration policy.</summary>
internal sealed class SipOptions
{
    /// <summary>TS 23.003 13.2: the home network domain derived from MCC 001 / MNC 01, the test PLMN.</summary>
    public const string DefaultDomain = "ims.mnc001.mcc001.3gppnetwork.org";

    public string Domain { get; set; } = DefaultDomain;

    /// <summary>The digest realm; the domain when not set (TS 24.229 5.4.1.2.1 uses the home domain).</summary>
    public string? Realm { get; set; }

    /// <summary>The S-CSCF URI put in Service-Route and Path handling; sip:scscf.{Domain} when not set.</summary>
    public string? ScscfUri { get; set; }

    /// <summary>
    /// Where SIP is received. Empty means the default pair UDP and TCP on 0.0.0.0:5060; a configured list replaces
    /// the defaults instead of being appended to them (the configuration binder appends to pre-filled lists).
    /// </summary>
    public List<SipListenerOptions> Listeners { get; set; } = [];

    public SipTimerOptions Timers { get; set; } = new();

    public RegistrationPolicyOptions Registration { get; set; } = new();

    public string EffectiveRealm => string.IsNullOrWhiteSpace(Realm) ? Domain : Realm;

    public string EffectiveScscfUri => string.IsNullOrWhiteSpace(ScscfUri) ? $"sip:scscf.{Domain}" : ScscfUri;
}
