using ImsLab.Sip.RegEvent;
using System.Text;
using ImsLab.Sip.Ue;

namespace ImsLab.Tests.Sip.Ue;

public sealed class ReginfoDocumentReaderTests
{
    // RFC 3680 6 example, with the TS 24.229 5.4.2.1.2 +sip.instance unknown-param added.
    private const string FullDocument = """
        <?xml version="1.0"?>
        <reginfo xmlns="urn:ietf:params:xml:ns:reginfo" version="0" state="full">
          <registration aor="sip:user@example.com" id="as9" state="active">
            <contact id="76" state="active" event="registered" duration-registered="7322" q="0.8" expires="3600">
              <uri>sip:user@pc887.example.com</uri>
              <unknown-param name="+sip.instance">"&lt;urn:gsma:imei:35425006-000655-0&gt;"</unknown-param>
            </contact>
            <contact id="77" state="terminated" event="expired" duration-registered="3600">
              <uri>sip:user@university.edu</uri>
              <display-name>Work</display-name>
            </contact>
          </registration>
        </reginfo>
        """;

    [Fact]
    public void ReadsTheRfc3680ExampleWithEveryValue()
    {
        var result = Read(FullDocument);

        Assert.True(result.Success, result.ErrorDetail);
        var document = result.Document;
        Assert.Equal(0, document.Version);
        Assert.Equal(ReginfoDocumentState.Full, document.State);
        var registration = Assert.Single(document.Registrations);
        Assert.Equal("sip:user@example.com", registration.Aor);
        Assert.Equal("as9", registration.Id);
        Assert.Equal(ReginfoRegistrationState.Active, registration.State);
        Assert.Equal(2, registration.Contacts.Count);

        var active = registration.Contacts[0];
        Assert.Equal("76", active.Id);
        Assert.Equal(ReginfoContactState.Active, active.State);
        Assert.Equal(ContactEvent.Registered, active.Event);
        Assert.Equal("sip:user@pc887.example.com", active.Uri);
        Assert.Equal(3600, active.Expires);
        Assert.Equal(7322, active.DurationRegistered);
        Assert.Equal("urn:gsma:imei:35425006-000655-0", active.InstanceId);

        var expired = registration.Contacts[1];
        Assert.Equal(ReginfoContactState.Terminated, expired.State);
        Assert.Equal(ContactEvent.Expired, expired.Event);
        Assert.Null(expired.Expires);
        Assert.Null(expired.InstanceId);
        Assert.Equal("Work", expired.DisplayName);
    }

    [Theory]
    [InlineData("registered", ContactEvent.Registered)]
    [InlineData("created", ContactEvent.Created)]
    [InlineData("refreshed", ContactEvent.Refreshed)]
    [InlineData("shortened", ContactEvent.Shortened)]
    [InlineData("expired", ContactEvent.Expired)]
    [InlineData("deactivated", ContactEvent.Deactivated)]
    [InlineData("probation", ContactEvent.Probation)]
    [InlineData("unregistered", ContactEvent.Unregistered)]
    [InlineData("rejected", ContactEvent.Rejected)]
    public void ReadsEveryContactEventOfRfc3680(string token, ContactEvent expected)
    {
        var result = Read(Document("terminated", $"""<contact id="1" state="terminated" event="{token}" retry-after="30"><uri>sip:a@b</uri></contact>"""));

        Assert.True(result.Success, result.ErrorDetail);
        var contact = Assert.Single(result.Document.Registrations[0].Contacts);
        Assert.Equal(expected, contact.Event);
        Assert.Equal(30, contact.RetryAfter);
        Assert.Equal(ReginfoRegistrationState.Terminated, result.Document.Registrations[0].State);
    }

    [Fact]
    public void ReadsAPartialDocumentWithoutRegistrations()
    {
        var result = Read("""<reginfo xmlns="urn:ietf:params:xml:ns:reginfo" version="7" state="partial"/>""");

        Assert.True(result.Success, result.ErrorDetail);
        Assert.Equal(7, result.Document.Version);
        Assert.Equal(ReginfoDocumentState.Partial, result.Document.State);
        Assert.Empty(result.Document.Registrations);
    }

    [Theory]
    [InlineData("", ReginfoReadError.EmptyDocument)]
    [InlineData("<reginfo", ReginfoReadError.MalformedXml)]
    [InlineData("""<reginfo version="0" state="full"/>""", ReginfoReadError.UnexpectedRootElement)]
    [InlineData("""<presence xmlns="urn:ietf:params:xml:ns:pidf"/>""", ReginfoReadError.UnexpectedRootElement)]
    [InlineData("""<reginfo xmlns="urn:ietf:params:xml:ns:reginfo" state="full"/>""", ReginfoReadError.MissingRequiredValue)]
    [InlineData("""<reginfo xmlns="urn:ietf:params:xml:ns:reginfo" version="-1" state="full"/>""", ReginfoReadError.InvalidValue)]
    [InlineData("""<reginfo xmlns="urn:ietf:params:xml:ns:reginfo" version="1" state="whole"/>""", ReginfoReadError.InvalidValue)]
    [InlineData("""<reginfo xmlns="urn:ietf:params:xml:ns:reginfo" version="1" state="1"/>""", ReginfoReadError.InvalidValue)]
    public void RejectsBrokenDocumentsWithAReason(string xml, ReginfoReadError expected)
    {
        var result = Read(xml);

        Assert.False(result.Success);
        Assert.Equal(expected, result.Error);
        Assert.NotNull(result.ErrorDetail);
    }

    [Theory]
    [InlineData("""<contact state="active" event="registered"><uri>sip:a@b</uri></contact>""")]
    [InlineData("""<contact id="1" state="active"><uri>sip:a@b</uri></contact>""")]
    [InlineData("""<contact id="1" state="active" event="registered"/>""")]
    [InlineData("""<contact id="1" state="active" event="registered"><uri>sip:a@b</uri><unknown-param>x</unknown-param></contact>""")]
    public void RejectsAContactMissingARequiredPart(string contact)
    {
        var result = Read(Document("active", contact));

        Assert.Equal(ReginfoReadError.MissingRequiredValue, result.Error);
    }

    [Fact]
    public void RefusesADocumentTypeDefinitionSoEntitiesCannotExpand()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE reginfo [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <reginfo xmlns="urn:ietf:params:xml:ns:reginfo" version="0" state="full"><registration aor="&b;" id="1" state="init"/></reginfo>
            """;

        var result = Read(xml);

        Assert.Equal(ReginfoReadError.MalformedXml, result.Error);
    }

    [Fact]
    public void IgnoresElementsFromExtensionsItDoesNotKnow()
    {
        var result = Read(Document("active", """
            <contact id="1" state="active" event="registered" expires="60">
              <uri>sip:a@b</uri>
              <gr:pub-gruu xmlns:gr="urn:ietf:params:xml:ns:gruuinfo" uri="sip:a@b;gr=x"/>
            </contact>
            """));

        Assert.True(result.Success, result.ErrorDetail);
        Assert.Equal(60, result.Document.Registrations[0].Contacts[0].Expires);
    }

    private static string Document(string registrationState, string contacts) =>
        $"""<reginfo xmlns="urn:ietf:params:xml:ns:reginfo" version="3" state="full"><registration aor="sip:u@d" id="r1" state="{registrationState}">{contacts}</registration></reginfo>""";

    private static ReginfoReadResult Read(string xml) => ReginfoDocumentReader.Read(Encoding.UTF8.GetBytes(xml));
}
