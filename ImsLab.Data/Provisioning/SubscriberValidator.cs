using ImsLab.Data.Entities;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Data.Provisioning;

/// <summary>
/// Every rule a subscriber must satisfy before it is stored, with one message per field (names as in the JSON
/// body, e.g. "publicIdentities[1].uri"). Duplicates against the database are the service's job (Conflict).
/// </summary>
internal sealed class SubscriberValidator(string defaultRealm, int indBits)
{
    private const AuthScheme AkaSchemes = AuthScheme.AkaV1Md5 | AuthScheme.AkaV2Md5;
    private const AuthScheme DigestSchemes = AuthScheme.Md5 | AuthScheme.Sha256;
    private const AuthScheme AllSchemes = AkaSchemes | DigestSchemes;
    private const int MaxPublicIdentities = 100;

    public int IndBits => indBits;

    /// <summary>Validates <paramref name="input"/>; <paramref name="existing"/> is the stored IMPI on replace (its secrets count as present).</summary>
    public (ValidatedSubscriber? Subscriber, Dictionary<string, string[]> Errors) Validate(SubscriberInput input, PrivateIdentity? existing)
    {
        var errors = new Errors();
        var impi = IdentityFormat.NormalizeImpi(input.Impi);
        if (impi is null) errors.Add("impi", "Not a valid IMPI: expected user@realm (TS 23.003 13.3) or a plain username.");
        else if (existing is not null && existing.Impi != impi) errors.Add("impi", "The IMPI cannot be changed.");

        var subscription = string.IsNullOrWhiteSpace(input.Subscription) ? impi : input.Subscription.Trim();
        if (subscription is { Length: > 200 }) errors.Add("subscription", "At most 200 characters.");

        if ((input.AllowedSchemes & ~AllSchemes) != 0) errors.Add("allowedSchemes", "Unknown scheme bits.");
        if (input.AllowedSchemes == AuthScheme.None) errors.Add("allowedSchemes", "Allow at least one scheme.");

        var k = Hex(errors, "k", input.K, AkaLength.K);
        var op = Hex(errors, "op", input.Op, AkaLength.Op);
        var opc = Hex(errors, "opc", input.Opc, AkaLength.Opc);
        if (op is not null && opc is not null) errors.Add("op", "Give OP or OPc, not both.");
        var amf = Hex(errors, "amf", input.Amf, AkaLength.Amf) ?? existing?.Amf ?? [0x80, 0x00];
        // The HSS keeps SEQ, the last one issued; IND is chosen per vector (TS 33.102 C.1.1, C.3.2), so the IND bits of
        // the given SQN are dropped. Any 48-bit value is accepted, even one so near the top that no vector can follow:
        // a USIM can be in that state (copied from a real card), an export of an exhausted subscriber must import
        // again, and a lab must be able to provision it to test exhaustion. The REGISTER then answers 403 with a Warning
        // naming the problem, and a PATCH of auth.sqn brings the subscriber back.
        long? seq = null;
        if (Hex(errors, "sqn", input.Sqn, AkaLength.Sqn) is { } sqn) seq = SequenceNumber.Seq(SequenceNumber.Read(sqn), indBits);

        if ((input.AllowedSchemes & AkaSchemes) != 0)
        {
            if (k is null && existing?.KCiphertext is null && !errors.Has("k")) errors.Add("k", "AKA schemes need K.");
            if (op is null && opc is null && existing?.OpCiphertext is null && existing?.OpcCiphertext is null && !errors.Has("op") && !errors.Has("opc"))
            {
                errors.Add("op", "AKA schemes need OP or OPc.");
            }
        }

        var realm = string.IsNullOrWhiteSpace(input.DigestRealm)
            ? existing?.DigestRealm ?? (impi is null ? defaultRealm : DefaultRealmFor(impi))
            : input.DigestRealm.Trim();
        byte[]? ha1Md5 = null, ha1Sha256 = null;
        if (input.Password is not null && (input.Ha1Md5 is not null || input.Ha1Sha256 is not null))
        {
            errors.Add("password", "Give a password or HA1 values, not both.");
        }
        else if (input.Password is not null)
        {
            if (input.Password.Length is 0 or > 256) errors.Add("password", "1 to 256 characters.");
            else if (impi is not null)
            {
                (ha1Md5, ha1Sha256) = Ha1(impi, realm, input.Password);
            }
        }
        else
        {
            ha1Md5 = Hex(errors, "ha1Md5", input.Ha1Md5, 16);
            ha1Sha256 = Hex(errors, "ha1Sha256", input.Ha1Sha256, 32);
            if (existing?.DigestRealm is { } storedRealm && storedRealm != realm && ha1Md5 is null && ha1Sha256 is null)
            {
                errors.Add("digestRealm", "HA1 depends on the realm: give the password again to change it.");
            }
        }
        if ((input.AllowedSchemes & AuthScheme.Md5) != 0 && ha1Md5 is null && existing?.Ha1Md5Ciphertext is null && !errors.Has("password") && !errors.Has("ha1Md5"))
        {
            errors.Add("password", "MD5 needs a password (or its HA1).");
        }
        if ((input.AllowedSchemes & AuthScheme.Sha256) != 0 && ha1Sha256 is null && existing?.Ha1Sha256Ciphertext is null && !errors.Has("password") && !errors.Has("ha1Sha256"))
        {
            errors.Add("password", "SHA-256 needs a password (or its HA1).");
        }

        if (input.Imsi is { } imsi && (imsi.Length is < 5 or > 15 || !imsi.All(char.IsAsciiDigit))) errors.Add("imsi", "5 to 15 digits (TS 23.003 2.2).");
        if (input.Msisdn is { } msisdn && (msisdn.Length is < 1 or > 15 || !msisdn.All(char.IsAsciiDigit))) errors.Add("msisdn", "1 to 15 digits (E.164, no +).");

        var publics = new List<PublicIdentityInput>(input.PublicIdentities.Count);
        if (input.PublicIdentities.Count == 0) errors.Add("publicIdentities", "At least one IMPU.");
        if (input.PublicIdentities.Count > MaxPublicIdentities) errors.Add("publicIdentities", $"At most {MaxPublicIdentities} IMPUs.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.PublicIdentities.Count; i++)
        {
            var identity = input.PublicIdentities[i];
            var uri = IdentityFormat.NormalizeImpu(identity.Uri);
            if (uri is null) errors.Add($"publicIdentities[{i}].uri", "Not a sip:user@host, sips: or tel:+number URI.");
            else if (!seen.Add(uri)) errors.Add($"publicIdentities[{i}].uri", "Listed twice.");
            if (identity.ImplicitSetId < 0) errors.Add($"publicIdentities[{i}].implicitSetId", "Must not be negative.");
            publics.Add(identity with { Uri = uri ?? identity.Uri, ServiceProfile = string.IsNullOrWhiteSpace(identity.ServiceProfile) ? null : identity.ServiceProfile.Trim() });
        }

        var networks = input.AllowedVisitedNetworks?.Select(n => n.Trim()).ToList();
        if (networks is not null && networks.Any(n => n.Length is 0 or > 255)) errors.Add("allowedVisitedNetworks", "Network ids must be 1 to 255 characters.");

        if (errors.Count > 0) return (null, errors.ToDictionary());
        return (new ValidatedSubscriber(impi!, subscription!, input.AllowedSchemes, k, op, opc, amf, seq,
            ha1Md5 is not null || ha1Sha256 is not null || existing?.DigestRealm is not null ? realm : null,
            ha1Md5, ha1Sha256, input.Imsi, input.Msisdn, input.Enabled, publics, networks), errors.ToDictionary());
    }

    /// <summary>The realm for a new digest password: the IMPI's domain, or the configured realm for bare usernames.</summary>
    public string DefaultRealmFor(string impi) => impi.Contains('@') ? impi[(impi.IndexOf('@') + 1)..] : defaultRealm;

    /// <summary>RFC 7616 3.4.2: HA1 for MD5 and SHA-256, both kept so the allowed schemes can change without the password.</summary>
    public static (byte[] Md5, byte[] Sha256) Ha1(string impi, string realm, string password) =>
        (Convert.FromHexString(DigestHa1.Compute(DigestHashFunction.Md5, impi, realm, password)),
         Convert.FromHexString(DigestHa1.Compute(DigestHashFunction.Sha256, impi, realm, password)));

    /// <summary>Decodes an optional hex field of an exact byte length, reporting a clear error.</summary>
    public static byte[]? Hex(Errors errors, string field, string? value, int length)
    {
        if (value is null) return null;
        var hex = value.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (hex.Length != length * 2 || !hex.All(char.IsAsciiHexDigit))
        {
            errors.Add(field, $"Expected {length * 2} hex digits.");
            return null;
        }
        return Convert.FromHexString(hex);
    }

    /// <summary>Field errors in the order found.</summary>
    internal sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _byField = [];

        public int Count => _byField.Count;

        public void Add(string field, string message)
        {
            if (!_byField.TryGetValue(field, out var list)) _byField[field] = list = [];
            list.Add(message);
        }

        public bool Has(string field) => _byField.ContainsKey(field);

        public Dictionary<string, string[]> ToDictionary() => _byField.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }
}
