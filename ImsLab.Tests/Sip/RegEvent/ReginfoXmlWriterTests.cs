using System.Text;
using System.Xml.Linq;
using System.Xml.Schema;
using ImsLab.Sip.RegEvent;

namespace ImsLab.Tests.Sip.RegEvent;

public sealed class ReginfoXmlWriterTests
{
    private static readonly XNamespace Ns = ReginfoSchema.Ns;

    private static ReginfoDocument TwoImpuDocument() => new(
        Version: 3,
        State: ReginfoState.Full,
        Registrations:
        [
            new("sip:user1_public1@home1.net", "a7", RegistrationState.Active,
            [
                new("c1", ContactState.Active, ContactEvent.Registered, "sip:[5555::aaa:bbb:ccc:ddd]:5060",
                    ExpiresSeconds: 7200, DurationRegisteredSeconds: 12,
                    Parameters:
                    [
                        new("+sip.instance", "\"<urn:gsma:imei:35396707-002435-0>\""),
                        new("+g.3gpp.icsi-ref", "\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\""),
                        new("video", null),
                    ])
                {
                    Q = 0.5f,
                    CallId = "apb03a0s09dkjdfglkj49111",
                    CSeq = 2,
                },
                new("c2", ContactState.Terminated, ContactEvent.Expired, "sip:10.0.0.2:5060"),
            ]),
            new("tel:+498972233114", "a8", RegistrationState.Terminated,
            [
                new("c3", ContactState.Terminated, ContactEvent.Rejected, "sip:10.0.0.3"),
            ]),
        ]);

    [Fact]
    public void WrittenDocumentValidatesAgainstTheRfc3680Schema()
    {
        var bytes = ReginfoXmlWriter.Write(TwoImpuDocument());

        var document = ReginfoSchema.Validate(bytes);

        Assert.Equal(Ns + "reginfo", document.Root!.Name);
    }

    [Fact]
    public void RootCarriesVersionAndFullState()
    {
        var root = ReginfoSchema.Validate(ReginfoXmlWriter.Write(TwoImpuDocument())).Root!;

        Assert.Equal("3", root.Attribute("version")!.Value);
        Assert.Equal("full", root.Attribute("state")!.Value);
    }

    [Fact]
    public void PartialStateIsWrittenAsPartial()
    {
        var document = TwoImpuDocument() with { State = ReginfoState.Partial };

        var root = ReginfoSchema.Validate(ReginfoXmlWriter.Write(document)).Root!;

        Assert.Equal("partial", root.Attribute("state")!.Value);
    }

    [Fact]
    public void RegistrationElementsCarryAorIdAndState()
    {
        var root = ReginfoSchema.Validate(ReginfoXmlWriter.Write(TwoImpuDocument())).Root!;

        var registrations = root.Elements(Ns + "registration").ToList();
        Assert.Equal(2, registrations.Count);
        Assert.Equal("sip:user1_public1@home1.net", registrations[0].Attribute("aor")!.Value);
        Assert.Equal("a7", registrations[0].Attribute("id")!.Value);
        Assert.Equal("active", registrations[0].Attribute("state")!.Value);
        Assert.Equal("tel:+498972233114", registrations[1].Attribute("aor")!.Value);
        Assert.Equal("terminated", registrations[1].Attribute("state")!.Value);
    }

    [Fact]
    public void ActiveContactCarriesEveryAttributeAndItsUri()
    {
        var root = ReginfoSchema.Validate(ReginfoXmlWriter.Write(TwoImpuDocument())).Root!;

        var contact = root.Element(Ns + "registration")!.Elements(Ns + "contact").First();
        Assert.Equal("c1", contact.Attribute("id")!.Value);
        Assert.Equal("active", contact.Attribute("state")!.Value);
        Assert.Equal("registered", contact.Attribute("event")!.Value);
        Assert.Equal("7200", contact.Attribute("expires")!.Value);
        Assert.Equal("12", contact.Attribute("duration-registered")!.Value);
        Assert.Equal("0.5", contact.Attribute("q")!.Value);
        Assert.Equal("apb03a0s09dkjdfglkj49111", contact.Attribute("callid")!.Value);
        Assert.Equal("2", contact.Attribute("cseq")!.Value);
        Assert.Equal("sip:[5555::aaa:bbb:ccc:ddd]:5060", contact.Element(Ns + "uri")!.Value);
    }

    [Fact]
    public void ContactParametersBecomeUnknownParamElementsWithTheirValuesAsWritten()
    {
        var root = ReginfoSchema.Validate(ReginfoXmlWriter.Write(TwoImpuDocument())).Root!;

        var parameters = root.Element(Ns + "registration")!.Element(Ns + "contact")!.Elements(Ns + "unknown-param").ToList();
        Assert.Equal(["+sip.instance", "+g.3gpp.icsi-ref", "video"], parameters.Select(p => p.Attribute("name")!.Value));
        Assert.Equal("\"<urn:gsma:imei:35396707-002435-0>\"", parameters[0].Value);
        Assert.True(parameters[2].IsEmpty);
    }

    [Fact]
    public void AngleBracketsInParameterValuesAreEscaped()
    {
        var text = Encoding.UTF8.GetString(ReginfoXmlWriter.Write(TwoImpuDocument()));

        Assert.Contains("&lt;urn:gsma:imei:35396707-002435-0&gt;", text);
    }

    [Fact]
    public void TerminatedContactsCarryTheirEventAndNoExpires()
    {
        var root = ReginfoSchema.Validate(ReginfoXmlWriter.Write(TwoImpuDocument())).Root!;

        var contacts = root.Descendants(Ns + "contact").ToList();
        Assert.Equal("terminated", contacts[1].Attribute("state")!.Value);
        Assert.Equal("expired", contacts[1].Attribute("event")!.Value);
        Assert.Null(contacts[1].Attribute("expires"));
        Assert.Equal("rejected", contacts[2].Attribute("event")!.Value);
    }

    [Theory]
    [InlineData(ContactEvent.Registered, "registered")]
    [InlineData(ContactEvent.Created, "created")]
    [InlineData(ContactEvent.Refreshed, "refreshed")]
    [InlineData(ContactEvent.Shortened, "shortened")]
    [InlineData(ContactEvent.Expired, "expired")]
    [InlineData(ContactEvent.Deactivated, "deactivated")]
    [InlineData(ContactEvent.Probation, "probation")]
    [InlineData(ContactEvent.Unregistered, "unregistered")]
    [InlineData(ContactEvent.Rejected, "rejected")]
    public void EveryContactEventHasItsRfc3680Name(ContactEvent contactEvent, string wireName)
    {
        var state = contactEvent is ContactEvent.Registered or ContactEvent.Created or ContactEvent.Refreshed or ContactEvent.Shortened
            ? ContactState.Active
            : ContactState.Terminated;
        var document = new ReginfoDocument(0, ReginfoState.Full,
            [new("sip:a@b", "r", RegistrationState.Active, [new("c", state, contactEvent, "sip:c@d") { RetryAfterSeconds = 30 }])]);

        var contact = ReginfoSchema.Validate(ReginfoXmlWriter.Write(document)).Root!.Descendants(Ns + "contact").Single();

        Assert.Equal(wireName, contact.Attribute("event")!.Value);
        Assert.Equal("30", contact.Attribute("retry-after")!.Value);
    }

    [Fact]
    public void DocumentWithoutRegistrationsIsValid()
    {
        var document = new ReginfoDocument(0, ReginfoState.Full, []);

        var root = ReginfoSchema.Validate(ReginfoXmlWriter.Write(document)).Root!;

        Assert.Empty(root.Elements());
    }

    [Fact]
    public void SchemaRejectsAnUnknownContactEvent()
    {
        // Guards the guard: the schema used above must really constrain the event names.
        var bad = """<reginfo xmlns="urn:ietf:params:xml:ns:reginfo" version="0" state="full"><registration aor="sip:a@b" id="r" state="active"><contact id="c" state="active" event="bogus"><uri>sip:c@d</uri></contact></registration></reginfo>"""u8.ToArray();

        Assert.Throws<XmlSchemaValidationException>(() => ReginfoSchema.Validate(bad));
    }

    [Fact]
    public void DocumentStartsWithAnXmlDeclarationAndNoByteOrderMark()
    {
        var bytes = ReginfoXmlWriter.Write(TwoImpuDocument());

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(bytes));
    }
}
