using ImsLab.Data.Provisioning;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Web.Services.Provisioning;

/// <summary>
/// The subscriber editor's state: text as typed, turned into a <see cref="SubscriberInput"/> for the provisioning
/// service, which alone decides what is valid. Secrets start empty when editing: a stored key is only replaced when
/// the user asks to, and the stored value never comes back to the browser.
/// </summary>
internal sealed class SubscriberForm
{
    /// <summary>Operator key kinds of the OP/OPc choice.</summary>
    public const string OpKind = "op", OpcKind = "opc";

    private static readonly char[] NetworkSeparators = [' ', ',', ';', '\n', '\r', '\t'];

    /// <summary>The stored subscriber when editing, null when creating.</summary>
    public SubscriberView? Existing { get; private init; }

    /// <summary>IMPI.</summary>
    public string Impi { get; set; } = "";

    /// <summary>IMS subscription name (blank: the IMPI).</summary>
    public string? Subscription { get; set; }

    /// <summary>IMSI digits.</summary>
    public string? Imsi { get; set; }

    /// <summary>MSISDN digits.</summary>
    public string? Msisdn { get; set; }

    /// <summary>Whether the IMPI may register.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Allowed authentication schemes.</summary>
    public IEnumerable<AuthScheme> Schemes { get; set; } = [AuthScheme.AkaV1Md5];

    /// <summary>K as typed.</summary>
    public string? K { get; set; }

    /// <summary>True when K is to be written (always on create; after "Replace" when editing).</summary>
    public bool ReplaceK { get; set; } = true;

    /// <summary><see cref="OpKind"/> or <see cref="OpcKind"/>.</summary>
    public string OperatorKind { get; set; } = OpKind;

    /// <summary>OP or OPc as typed.</summary>
    public string? OperatorKey { get; set; }

    /// <summary>True when OP/OPc is to be written.</summary>
    public bool ReplaceOperatorKey { get; set; } = true;

    /// <summary>AMF as typed.</summary>
    public string? Amf { get; set; }

    /// <summary>SQN as typed.</summary>
    public string? Sqn { get; set; }

    /// <summary>Digest password as typed.</summary>
    public string? Password { get; set; }

    /// <summary>True when the password is to be written.</summary>
    public bool ReplacePassword { get; set; } = true;

    /// <summary>The IMPUs.</summary>
    public List<PublicIdentityRow> PublicIdentities { get; } = [];

    /// <summary>Roaming: any visited network (true) or only <see cref="AllowedNetworks"/>.</summary>
    public bool AnyNetwork { get; set; } = true;

    /// <summary>Allowed P-Visited-Network-ID values, separated by spaces, commas or lines.</summary>
    public string? AllowedNetworks { get; set; }

    /// <summary>True when AKA is among the schemes (K and OP/OPc matter).</summary>
    public bool UsesAka => Schemes.Any(s => s is AuthScheme.AkaV1Md5 or AuthScheme.AkaV2Md5);

    /// <summary>True when plain digest is among the schemes (the password matters).</summary>
    public bool UsesDigest => Schemes.Any(s => s is AuthScheme.Md5 or AuthScheme.Sha256);

    /// <summary>An empty form for a new AKA subscriber with one IMPU row.</summary>
    public static SubscriberForm New()
    {
        var form = new SubscriberForm { Amf = "8000", Sqn = "000000000000" };
        form.PublicIdentities.Add(new PublicIdentityRow());
        return form;
    }

    /// <summary>A form for editing <paramref name="view"/>: stored secrets show as set and stay unless replaced.</summary>
    public static SubscriberForm Edit(SubscriberView view)
    {
        var form = new SubscriberForm
        {
            Existing = view,
            Impi = view.Impi,
            Subscription = view.Subscription,
            Imsi = view.Imsi,
            Msisdn = view.Msisdn,
            Enabled = view.Enabled,
            Schemes = Enum.GetValues<AuthScheme>().Where(s => s != AuthScheme.None && view.AllowedSchemes.HasFlag(s)).ToList(),
            ReplaceK = !view.KSet,
            OperatorKind = view.OpcSet ? OpcKind : OpKind,
            ReplaceOperatorKey = !view.OpSet && !view.OpcSet,
            Amf = view.Amf,
            Sqn = view.Sqn,
            ReplacePassword = !view.PasswordSet,
            AnyNetwork = view.AllowedVisitedNetworks is null,
            AllowedNetworks = view.AllowedVisitedNetworks is { } networks ? string.Join('\n', networks) : null,
        };
        form.PublicIdentities.AddRange(view.PublicIdentities.Select(p => new PublicIdentityRow
        {
            Uri = p.Uri, ImplicitSetId = p.ImplicitSetId, Barred = p.Barred, CanRegister = p.CanRegister, ServiceProfile = p.ServiceProfile,
        }));
        return form;
    }

    /// <summary>The input for CreateAsync or ReplaceAsync: untouched secrets, AMF and SQN are left out so they keep their stored values.</summary>
    public SubscriberInput ToInput() => new()
    {
        Impi = Impi.Trim(),
        Subscription = Blank(Subscription),
        AllowedSchemes = Schemes.Aggregate(AuthScheme.None, (all, s) => all | s),
        K = ReplaceK ? Blank(K) : null,
        Op = ReplaceOperatorKey && OperatorKind == OpKind ? Blank(OperatorKey) : null,
        Opc = ReplaceOperatorKey && OperatorKind == OpcKind ? Blank(OperatorKey) : null,
        // On replace the registrar may have advanced the SQN since the dialog opened: only an edited value is sent.
        Amf = Existing is not null && Amf == Existing.Amf ? null : Blank(Amf),
        Sqn = Existing is not null && Sqn == Existing.Sqn ? null : Blank(Sqn),
        Password = ReplacePassword && !string.IsNullOrEmpty(Password) ? Password : null,
        Imsi = Blank(Imsi),
        Msisdn = Blank(Msisdn),
        Enabled = Enabled,
        PublicIdentities = PublicIdentities.Select(p => new PublicIdentityInput
        {
            Uri = p.Uri.Trim(), ImplicitSetId = p.ImplicitSetId, Barred = p.Barred, CanRegister = p.CanRegister, ServiceProfile = Blank(p.ServiceProfile),
        }).ToList(),
        AllowedVisitedNetworks = AnyNetwork ? null : (AllowedNetworks ?? "").Split(NetworkSeparators, StringSplitOptions.RemoveEmptyEntries),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
