using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Transport;
using ImsLab.Sip.Ue;

namespace ImsLab.UeSim;

/// <summary>
/// The ue-sim command line: its options and their binding to <see cref="UeSimulatorOptions"/>. Secrets (K, OP, OPc,
/// password) come from the command line or the IMSLAB_UE_* environment variables and are never echoed, not even in
/// error messages.
/// </summary>
internal sealed class UeSimCommand
{
    public const string KEnvironmentVariable = "IMSLAB_UE_K";
    public const string OpEnvironmentVariable = "IMSLAB_UE_OP";
    public const string OpcEnvironmentVariable = "IMSLAB_UE_OPC";
    public const string PasswordEnvironmentVariable = "IMSLAB_UE_PASSWORD";

    private const int DefaultSipPort = 5060;

    public UeSimCommand()
    {
        Root = new RootCommand("Simulated IMS UE: registers (AKA or digest), re-registers, watches its reg event; Ctrl-C deregisters and exits.")
        {
            Registrar, Transport, Local, Impi, Impu, Domain, Realm, K, Op, Opc, Amf, Sqn, Password, Algorithms, Expires,
            InstanceId, RegId, Features, NoRegEvent, AccessNetworkInfo, UserAgent, SecurityClient, Trace, Verbose,
        };
    }

    public RootCommand Root { get; }

    public Option<IPEndPoint> Registrar { get; } = new("--registrar")
    {
        Description = "Registrar (P-CSCF or ImsLab) address, e.g. 127.0.0.1:5060 or [::1]:5060 (port 5060 when left out).",
        Required = true,
        CustomParser = result => ParseEndPoint(result, DefaultSipPort),
    };

    public Option<SipTransportProtocol> Transport { get; } = new("--transport")
    {
        Description = "udp or tcp.",
        DefaultValueFactory = _ => SipTransportProtocol.Udp,
        CustomParser = ParseTransport,
    };

    public Option<IPEndPoint?> Local { get; } = new("--local")
    {
        Description = "Local address:port to bind (port 0 = any free port). Default: loopback when the registrar is on loopback, else all interfaces.",
        CustomParser = result => ParseEndPoint(result, 0),
    };

    public Option<string> Impi { get; } = new("--impi") { Description = "Private user identity (digest username).", Required = true };

    public Option<string> Impu { get; } = new("--impu") { Description = "Public user identity to register, e.g. sip:001010123456789@ims.mnc001.mcc001.3gppnetwork.org.", Required = true };

    public Option<string?> Domain { get; } = new("--domain") { Description = "Home network domain (REGISTER Request-URI). Default: the IMPI's part after '@'." };

    public Option<string?> Realm { get; } = new("--realm") { Description = "Realm of the initial Authorization. Default: the domain." };

    public Option<string?> K { get; } = new("--k") { Description = $"AKA key K, 32 hex digits (or {KEnvironmentVariable})." };

    public Option<string?> Op { get; } = new("--op") { Description = $"AKA operator variant OP, 32 hex digits (or {OpEnvironmentVariable})." };

    public Option<string?> Opc { get; } = new("--opc") { Description = $"AKA OPc, 32 hex digits (or {OpcEnvironmentVariable})." };

    public Option<string> Amf { get; } = new("--amf") { Description = "AKA AMF, 4 hex digits.", DefaultValueFactory = _ => "8000" };

    // 12 hex digits, as the REST API and the AKA calculator write an SQN (and as --k and --amf are written here).
    public Option<string> Sqn { get; } = new("--sqn") { Description = "The USIM's highest accepted SQN (SQN_MS) at start, 12 hex digits.", DefaultValueFactory = _ => "000000000000" };

    public Option<string?> Password { get; } = new("--password") { Description = $"Digest password for MD5/SHA-256 (or {PasswordEnvironmentVariable})." };

    public Option<DigestAlgorithm[]> Algorithms { get; } = new("--algorithms")
    {
        Description = "Accepted digest algorithms, most preferred first, comma-separated (AKAv2-MD5, AKAv1-MD5, SHA-256, MD5).",
        CustomParser = ParseAlgorithms,
    };

    public Option<int> Expires { get; } = new("--expires") { Description = "Registration expiry asked for, seconds.", DefaultValueFactory = _ => 600_000 };

    public Option<string?> InstanceId { get; } = new("--instance-id") { Description = "+sip.instance URN, e.g. urn:gsma:imei:35425006-000655-0. Default: a urn:uuid derived from the IMPI." };

    public Option<int?> RegId { get; } = new("--reg-id") { Description = "RFC 5626 reg-id Contact parameter." };

    public Option<UeFeatureTag> Features { get; } = new("--features")
    {
        Description = "Contact feature tags, comma-separated: mmtel, smsip, video, or none.",
        DefaultValueFactory = _ => UeFeatureTag.Mmtel | UeFeatureTag.SmsIp,
        CustomParser = ParseFeatures,
    };

    public Option<bool> NoRegEvent { get; } = new("--no-reg-event") { Description = "Do not subscribe to the reg event package." };

    public Option<string?> AccessNetworkInfo { get; } = new("--access-network-info") { Description = "P-Access-Network-Info value; empty to leave the header out." };

    public Option<string?> UserAgent { get; } = new("--user-agent") { Description = "User-Agent value." };

    public Option<string?> SecurityClient { get; } = new("--security-client") { Description = "Security-Client value to advertise (none by default)." };

    public Option<bool> Trace { get; } = new("--trace") { Description = "Print every SIP message sent and received." };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Print debug logs." };

    /// <summary>
    /// Builds simulator options from a parse result and the environment. Returns null and the errors (naming the
    /// option, never its value) when the combination is not usable.
    /// </summary>
    public UeSimulatorOptions? Bind(ParseResult result, Func<string, string?> environment, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        errors = problems;
        var registrar = result.GetValue(Registrar)!;
        var impi = result.GetValue(Impi)!;
        var domain = result.GetValue(Domain) ?? (impi.IndexOf('@') is var at and >= 0 ? impi[(at + 1)..] : null);
        if (string.IsNullOrEmpty(domain)) problems.Add("--domain is required when the IMPI has no '@domain' part.");
        if (!Sip.Messages.SipUri.TryParse(result.GetValue(Impu), out _)) problems.Add("--impu is not a SIP or tel URI.");

        var credentials = BindCredentials(result, environment, problems);
        if (problems.Count > 0 || credentials is null || domain is null) return null;

        var local = result.GetValue(Local) ?? new IPEndPoint(IPAddress.IsLoopback(registrar.Address)
            ? registrar.Address
            : registrar.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        var defaults = new UeSimulatorOptions { Impi = impi, Impu = "sip:x", Domain = domain, Registrar = registrar, Credentials = credentials };
        var algorithms = result.GetValue(Algorithms) is { Length: > 0 } chosen
            ? chosen
            : credentials is UePasswordCredentials
                ? [DigestAlgorithm.Sha256, DigestAlgorithm.Md5]
                : defaults.AlgorithmPreference;
        var accessNetworkInfo = result.GetValue(AccessNetworkInfo);
        return new UeSimulatorOptions
        {
            Impi = impi,
            Impu = result.GetValue(Impu)!,
            Domain = domain,
            Realm = result.GetValue(Realm),
            Registrar = registrar,
            Transport = result.GetValue(Transport),
            LocalEndPoint = local,
            Credentials = credentials,
            AlgorithmPreference = algorithms,
            Expires = result.GetValue(Expires),
            InstanceId = result.GetValue(InstanceId),
            RegId = result.GetValue(RegId),
            FeatureTags = result.GetValue(Features),
            SubscribeToRegEvent = !result.GetValue(NoRegEvent),
            AccessNetworkInfo = accessNetworkInfo is null ? defaults.AccessNetworkInfo : accessNetworkInfo.Length == 0 ? null : accessNetworkInfo,
            UserAgent = result.GetValue(UserAgent) ?? defaults.UserAgent,
            SecurityClient = result.GetValue(SecurityClient),
        };
    }

    private UeCredentials? BindCredentials(ParseResult result, Func<string, string?> environment, List<string> problems)
    {
        var k = result.GetValue(K) ?? environment(KEnvironmentVariable);
        var op = result.GetValue(Op) ?? environment(OpEnvironmentVariable);
        var opc = result.GetValue(Opc) ?? environment(OpcEnvironmentVariable);
        var password = result.GetValue(Password) ?? environment(PasswordEnvironmentVariable);

        if (k is null)
        {
            if (op is not null || opc is not null) problems.Add($"--op/--opc need --k (or {KEnvironmentVariable}).");
            if (password is null) problems.Add($"Give AKA credentials (--k with --op or --opc) or a digest --password (or the {KEnvironmentVariable}/{PasswordEnvironmentVariable} environment variables).");
            return password is null || problems.Count > 0 ? null : new UePasswordCredentials(password);
        }
        if (password is not null) problems.Add("Give either AKA credentials or --password, not both.");
        if ((op is null) == (opc is null)) problems.Add("AKA needs exactly one of --op and --opc.");

        var key = ParseHex(k, AkaLength.K, "--k", problems);
        var operatorKey = ParseHex(op ?? opc, AkaLength.Op, op is not null ? "--op" : "--opc", problems);
        var amf = ParseHex(result.GetValue(Amf), AkaLength.Amf, "--amf", problems);
        var sqn = ParseHex(result.GetValue(Sqn), AkaLength.Sqn, "--sqn", problems);
        if (problems.Count > 0 || key is null || operatorKey is null || amf is null || sqn is null) return null;

        var keys = op is not null ? AkaCredentials.FromOp(key, operatorKey, amf) : AkaCredentials.FromOpc(key, operatorKey, amf);
        return new UeAkaCredentials(keys, (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian([0, 0, .. sqn]));
    }

    // The value is a secret for K/OP/OPc: the message names the option and the expected shape only.
    private static byte[]? ParseHex(string? text, int length, string option, List<string> problems)
    {
        if (text is null) return null;
        try
        {
            var bytes = Convert.FromHexString(text.Trim());
            if (bytes.Length == length) return bytes;
        }
        catch (FormatException)
        {
        }
        problems.Add($"{option} must be {length * 2} hexadecimal digits.");
        return null;
    }

    private static IPEndPoint? ParseEndPoint(ArgumentResult result, int defaultPort)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (IPAddress.TryParse(text, out var address) && !text.StartsWith('[')) return new IPEndPoint(address, defaultPort);
        if (IPEndPoint.TryParse(text, out var endPoint))
        {
            if (endPoint.Port == 0 && !text.EndsWith(":0", StringComparison.Ordinal)) endPoint.Port = defaultPort;
            return endPoint;
        }
        result.AddError($"'{text}' is not an IP address with an optional port (e.g. 127.0.0.1:5060 or [::1]:5060).");
        return null;
    }

    private static SipTransportProtocol ParseTransport(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (string.Equals(text, "udp", StringComparison.OrdinalIgnoreCase)) return SipTransportProtocol.Udp;
        if (string.Equals(text, "tcp", StringComparison.OrdinalIgnoreCase)) return SipTransportProtocol.Tcp;
        result.AddError($"--transport must be udp or tcp, not '{text}'.");
        return default;
    }

    private static DigestAlgorithm[] ParseAlgorithms(ArgumentResult result)
    {
        var algorithms = new List<DigestAlgorithm>();
        foreach (var name in SplitList(result))
        {
            if (DigestAlgorithms.TryParse(name, out var algorithm)) algorithms.Add(algorithm);
            else result.AddError($"--algorithms: '{name}' is not one of AKAv2-MD5, AKAv1-MD5, SHA-256, MD5.");
        }
        return [.. algorithms];
    }

    private static UeFeatureTag ParseFeatures(ArgumentResult result)
    {
        var tags = UeFeatureTag.None;
        foreach (var name in SplitList(result))
        {
            switch (name.ToLowerInvariant())
            {
                case "mmtel": tags |= UeFeatureTag.Mmtel; break;
                case "smsip": tags |= UeFeatureTag.SmsIp; break;
                case "video": tags |= UeFeatureTag.Video; break;
                case "none": break;
                default: result.AddError($"--features: '{name}' is not one of mmtel, smsip, video, none."); break;
            }
        }
        return tags;
    }

    private static IEnumerable<string> SplitList(ArgumentResult result) =>
        result.Tokens.SelectMany(token => token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    internal static string Describe(UeStateChange change) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{change.At:HH:mm:ss.fff} {change.Previous} -> {change.Current}{(change.StatusCode is { } code ? $" ({code})" : string.Empty)}{(change.Reason != UeFailureReason.None ? $" [{change.Reason}]" : string.Empty)}{(change.Detail is { } detail ? $": {detail}" : string.Empty)}");
}
