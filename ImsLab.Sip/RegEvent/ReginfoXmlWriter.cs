using System.Globalization;
using System.Text;
using System.Xml;

namespace ImsLab.Sip.RegEvent;

/// <summary>Serializes <see cref="ReginfoDocument"/> exactly as the RFC 3680 section 5.4 schema lays it out.</summary>
internal static class ReginfoXmlWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\r\n",
        OmitXmlDeclaration = false,
        CloseOutput = false,
    };

    public static byte[] Write(ReginfoDocument document)
    {
        using var stream = new MemoryStream(512);
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("reginfo", ReginfoDocument.Namespace);
            xml.WriteAttributeString("version", Number(document.Version));
            xml.WriteAttributeString("state", document.State == ReginfoState.Full ? "full" : "partial");
            foreach (var registration in document.Registrations)
            {
                WriteRegistration(xml, registration);
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return stream.ToArray();
    }

    public static string ToWireName(RegistrationState state) => state switch
    {
        RegistrationState.Init => "init",
        RegistrationState.Active => "active",
        _ => "terminated",
    };

    public static string ToWireName(ContactEvent contactEvent) => contactEvent switch
    {
        ContactEvent.Registered => "registered",
        ContactEvent.Created => "created",
        ContactEvent.Refreshed => "refreshed",
        ContactEvent.Shortened => "shortened",
        ContactEvent.Expired => "expired",
        ContactEvent.Deactivated => "deactivated",
        ContactEvent.Probation => "probation",
        ContactEvent.Unregistered => "unregistered",
        _ => "rejected",
    };

    private static void WriteRegistration(XmlWriter xml, ReginfoRegistration registration)
    {
        // RFC 3680 5.4: aor, id and state are required attributes of <registration>.
        xml.WriteStartElement("registration", ReginfoDocument.Namespace);
        xml.WriteAttributeString("aor", registration.Aor);
        xml.WriteAttributeString("id", registration.Id);
        xml.WriteAttributeString("state", ToWireName(registration.State));
        foreach (var contact in registration.Contacts)
        {
            WriteContact(xml, contact);
        }
        xml.WriteEndElement();
    }

    private static void WriteContact(XmlWriter xml, ReginfoContact contact)
    {
        xml.WriteStartElement("contact", ReginfoDocument.Namespace);
        xml.WriteAttributeString("id", contact.Id);
        xml.WriteAttributeString("state", contact.State == ContactState.Active ? "active" : "terminated");
        xml.WriteAttributeString("event", ToWireName(contact.Event));
        if (contact.DurationRegisteredSeconds is { } duration)
        {
            xml.WriteAttributeString("duration-registered", Number(duration));
        }
        if (contact.ExpiresSeconds is { } expires)
        {
            xml.WriteAttributeString("expires", Number(expires));
        }
        if (contact.RetryAfterSeconds is { } retryAfter)
        {
            xml.WriteAttributeString("retry-after", Number(retryAfter));
        }
        if (contact.Q is { } q)
        {
            xml.WriteAttributeString("q", q.ToString("0.###", CultureInfo.InvariantCulture));
        }
        if (contact.CallId is { } callId)
        {
            xml.WriteAttributeString("callid", callId);
        }
        if (contact.CSeq is { } cseq)
        {
            xml.WriteAttributeString("cseq", cseq.ToString(CultureInfo.InvariantCulture));
        }

        // RFC 3680 5.4: the children come in the order uri, display-name, unknown-param*.
        xml.WriteElementString("uri", ReginfoDocument.Namespace, contact.Uri);
        if (contact.DisplayName is { } displayName)
        {
            xml.WriteElementString("display-name", ReginfoDocument.Namespace, displayName);
        }
        if (contact.Parameters is { } parameters)
        {
            foreach (var (name, value) in parameters)
            {
                xml.WriteStartElement("unknown-param", ReginfoDocument.Namespace);
                xml.WriteAttributeString("name", name);
                if (value is not null)
                {
                    xml.WriteString(value);
                }
                xml.WriteEndElement();
            }
        }
        xml.WriteEndElement();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
