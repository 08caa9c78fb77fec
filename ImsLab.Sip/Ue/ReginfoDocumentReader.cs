using ImsLab.Sip.RegEvent;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ImsLab.Sip.Ue;

/// <summary>
/// Reads application/reginfo+xml documents (RFC 3680 5.3) as a watching UE needs them. Read-only by design: the
/// registrar writes these documents with its own writer. Remote input: every failure is a result, never an exception.
/// </summary>
public static class ReginfoDocumentReader
{
    /// <summary>The reginfo XML namespace (RFC 3680 5.4).</summary>
    public const string Namespace = "urn:ietf:params:xml:ns:reginfo";

    /// <summary>The MIME type of a reginfo body (RFC 3680 5.2).</summary>
    public const string ContentType = "application/reginfo+xml";

    private static readonly XNamespace Ns = Namespace;

    private static readonly XmlReaderSettings Settings = new()
    {
        // A NOTIFY body is remote input: no DTDs (entity expansion) and no external resolution.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = 1 << 20,
    };

    /// <summary>Parses a reginfo document from its UTF-8 body bytes.</summary>
    public static ReginfoReadResult Read(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return ReginfoReadResult.Failed(ReginfoReadError.EmptyDocument, "the body is empty");
        }

        XDocument xml;
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            xml = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return ReginfoReadResult.Failed(ReginfoReadError.MalformedXml, e.Message);
        }

        var root = xml.Root;
        if (root is null || root.Name != Ns + "reginfo")
        {
            return ReginfoReadResult.Failed(ReginfoReadError.UnexpectedRootElement, $"root element is {root?.Name.ToString() ?? "absent"}");
        }

        // RFC 3680 5.4: version and state are required on reginfo.
        if (!TryReadCounter(root, "version", required: true, out var version, out var failure)) return failure;
        if (!TryReadEnum<ReginfoDocumentState>(root, "state", out var state, out failure)) return failure;

        var registrations = new List<UeReginfoRegistration>();
        foreach (var element in root.Elements(Ns + "registration"))
        {
            var registration = ReadRegistration(element, out failure);
            if (registration is null) return failure;
            registrations.Add(registration);
        }

        return new ReginfoReadResult(new UeReginfoDocument(version!.Value, state, registrations), ReginfoReadError.None, null);
    }

    private static UeReginfoRegistration? ReadRegistration(XElement element, out ReginfoReadResult failure)
    {
        // RFC 3680 5.4: aor, id and state are required on registration.
        if (!TryReadRequired(element, "aor", out var aor, out failure)
            || !TryReadRequired(element, "id", out var id, out failure)
            || !TryReadEnum<ReginfoRegistrationState>(element, "state", out var state, out failure))
        {
            return null;
        }

        var contacts = new List<UeReginfoContact>();
        foreach (var contactElement in element.Elements(Ns + "contact"))
        {
            var contact = ReadContact(contactElement, out failure);
            if (contact is null) return null;
            contacts.Add(contact);
        }
        failure = default;
        return new UeReginfoRegistration(aor, id, state, contacts);
    }

    private static UeReginfoContact? ReadContact(XElement element, out ReginfoReadResult failure)
    {
        // RFC 3680 5.4: id, state and event are required on contact, and the uri element.
        if (!TryReadRequired(element, "id", out var id, out failure)
            || !TryReadEnum<ReginfoContactState>(element, "state", out var state, out failure)
            || !TryReadEnum<ContactEvent>(element, "event", out var contactEvent, out failure)
            || !TryReadCounter(element, "expires", required: false, out var expires, out failure)
            || !TryReadCounter(element, "duration-registered", required: false, out var duration, out failure)
            || !TryReadCounter(element, "retry-after", required: false, out var retryAfter, out failure))
        {
            return null;
        }

        var uri = element.Element(Ns + "uri")?.Value.Trim();
        if (string.IsNullOrEmpty(uri))
        {
            failure = ReginfoReadResult.Failed(ReginfoReadError.MissingRequiredValue, $"contact {id} has no uri element");
            return null;
        }

        var unknown = new List<KeyValuePair<string, string>>();
        foreach (var parameter in element.Elements(Ns + "unknown-param"))
        {
            var name = parameter.Attribute("name")?.Value;
            if (string.IsNullOrEmpty(name))
            {
                failure = ReginfoReadResult.Failed(ReginfoReadError.MissingRequiredValue, $"contact {id} has an unknown-param without a name");
                return null;
            }
            unknown.Add(new(name, parameter.Value));
        }

        var displayName = element.Element(Ns + "display-name")?.Value;
        failure = default;
        return new UeReginfoContact(id, state, contactEvent, uri, expires, duration, retryAfter, displayName, unknown);
    }

    private static bool TryReadRequired(XElement element, string attribute, out string value, out ReginfoReadResult failure)
    {
        value = element.Attribute(attribute)?.Value ?? string.Empty;
        if (value.Length == 0)
        {
            failure = ReginfoReadResult.Failed(ReginfoReadError.MissingRequiredValue, $"{element.Name.LocalName} has no {attribute} attribute");
            return false;
        }
        failure = default;
        return true;
    }

    private static bool TryReadCounter(XElement element, string attribute, bool required, out long? value, out ReginfoReadResult failure)
    {
        value = null;
        failure = default;
        var text = element.Attribute(attribute)?.Value;
        if (text is null)
        {
            if (!required) return true;
            failure = ReginfoReadResult.Failed(ReginfoReadError.MissingRequiredValue, $"{element.Name.LocalName} has no {attribute} attribute");
            return false;
        }
        // The schema types are xs:nonNegativeInteger / xs:unsignedLong.
        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            failure = ReginfoReadResult.Failed(ReginfoReadError.InvalidValue, $"{element.Name.LocalName} {attribute}=\"{text}\" is not a non-negative integer");
            return false;
        }
        value = parsed;
        return true;
    }

    private static bool TryReadEnum<TEnum>(XElement element, string attribute, out TEnum value, out ReginfoReadResult failure)
        where TEnum : struct, Enum
    {
        value = default;
        var text = element.Attribute(attribute)?.Value;
        if (text is null)
        {
            failure = ReginfoReadResult.Failed(ReginfoReadError.MissingRequiredValue, $"{element.Name.LocalName} has no {attribute} attribute");
            return false;
        }
        // The schema's enumerations are lower-case tokens; numbers would parse as enum values, so refuse them.
        if (text.Length == 0 || !char.IsAsciiLetterLower(text[0]) || !Enum.TryParse(text, ignoreCase: true, out value) || !IsExactToken(text, value))
        {
            failure = ReginfoReadResult.Failed(ReginfoReadError.InvalidValue, $"{element.Name.LocalName} {attribute}=\"{text}\" is not a known value");
            return false;
        }
        failure = default;
        return true;
    }

    private static bool IsExactToken<TEnum>(string text, TEnum value) where TEnum : struct, Enum =>
        string.Equals(text, value.ToString(), StringComparison.OrdinalIgnoreCase);
}
