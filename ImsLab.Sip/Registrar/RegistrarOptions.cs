using System.Net;

namespace ImsLab.Sip.Registrar;

/// <summary>Policies of the registrar (S-CSCF with the I-CSCF checks folded in). Bound from configuration section
/// <c>ImsLab:Sip:Registrar</c>.</summary>
public sealed class RegistrarOptions
{
    /// <summary>The SIP URI of this S-CSCF, put in Service-Route (RFC 3608) and Path handling; also the Contact of the
    /// NOTIFYs it sends.</summary>
    public string ScscfUri { get; set; } = "sip:scscf.ims.lab";

    /// <summary>The warn-agent of Warning headers (RFC 3261 20.43): the home network's name.</summary>
    public string WarningAgent { get; set; } = "ims.lab";

    /// <summary>Digest realm; null takes the host of the REGISTER's Request-URI (TS 24.229 5.4.1.2.1: the home
    /// network domain name).</summary>
    public string? Realm { get; set; }

    /// <summary>RFC 3261 10.3 step 7: shorter requested expiries are answered 423 with this Min-Expires.</summary>
    public int MinExpiresSeconds { get; set; } = 60;

    /// <summary>Longer requested expiries are shortened to this and the 200 OK says so.</summary>
    public int MaxExpiresSeconds { get; set; } = 600_000;

    /// <summary>Used when the REGISTER names no expiry at all.</summary>
    public int DefaultExpiresSeconds { get; set; } = 3600;

    /// <summary>More contacts than this for one IMPU are refused with 403.</summary>
    public int MaxContactsPerImpu { get; set; } = 10;

    /// <summary>Wrong responses tolerated for one IMPI (each answered with a new challenge) before a 403.</summary>
    public int MaxAuthFailures { get; set; } = 3;

    /// <summary>What an unprotected re-registration gets.</summary>
    public ReregistrationChallenge ReregistrationChallenge { get; set; } = ReregistrationChallenge.Always;

    /// <summary>The window of <see cref="ReregistrationChallenge.OutsideWindow"/>.</summary>
    public TimeSpan ReauthenticationWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>When a REGISTER carries no Authorization, find the IMPI through the IMPU in To (TS 33.203 / the
    /// subscriber directory); when false such a REGISTER is refused with 403.</summary>
    public bool DeriveImpiFromImpu { get; set; } = true;

    /// <summary>Addresses of P-CSCFs: their integrity-protected flag is believed, their 401s carry ik/ck, and they may
    /// subscribe to reg-event for any user (TS 24.229 5.4.1.2.1, 5.4.2.1.1). Empty (lab default): the flag is believed
    /// from any peer, no 401 carries keys, and only a subscriber may watch its own registration.</summary>
    public IList<IPAddress> TrustedPcscfs { get; } = [];

    /// <summary>The expiry (seconds) given to contacts when the network asks for re-authentication (TS 24.229
    /// 5.4.1.6: "shortened").</summary>
    public int ReauthenticationExpiresSeconds { get; set; } = 60;

    /// <summary>SQNs reserved from the store at a time for one IMPI (TS 33.102 C.3): one database round trip per block.</summary>
    public int SequenceNumberBlockSize { get; set; } = 32;

    /// <summary>Largest number of binding changes written in one database transaction (group commit).</summary>
    public int MaxCommitBatch { get; set; } = 512;

    /// <summary>Expiry granted to reg-event subscriptions when the SUBSCRIBE names none (TS 24.229 5.4.2.1.1: 600000 s
    /// is what UEs ask for).</summary>
    public int DefaultSubscriptionExpiresSeconds { get; set; } = 600_000;

    /// <summary>Longest reg-event subscription granted.</summary>
    public int MaxSubscriptionExpiresSeconds { get; set; } = 600_000;

    /// <summary>Keep the SIP messages of each registration step in its event (the dashboard's ladder diagram).</summary>
    public bool TraceSipMessages { get; set; } = true;
}
