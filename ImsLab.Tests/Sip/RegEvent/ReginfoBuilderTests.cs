using System.Xml.Linq;
using ImsLab.Sip.RegEvent;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Tests.Sip.RegEvent;

public sealed class ReginfoBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly XNamespace Ns = ReginfoSchema.Ns;

    private static readonly PublicIdentity[] Set =
    [
        new("sip:alice@ims.lab", false, true, 1, null),
        new("tel:+15550001", false, true, 1, null),
        new("sip:hidden@ims.lab", true, true, 1, null),
    ];

    private static RegistrationBinding Binding(string uri, bool reauth = false) => new()
    {
        Id = Guid.NewGuid(), Impu = "sip:alice@ims.lab", Impi = "alice@ims.lab", ContactUri = uri,
        ContactParameters = ";expires=600;q=0.7;+sip.instance=\"<urn:uuid:1>\";+g.3gpp.smsip", ExpiresAt = Now.AddSeconds(600), Q = 0.7f,
        Flow = new BindingFlow("UDP", "192.0.2.1", 5060, "127.0.0.1", 5060, 0), CallId = "call-9", CSeq = 4,
        ScscfUri = "sip:scscf.ims.lab", RegisteredAt = Now.AddSeconds(-30), RefreshedAt = Now, ReauthenticationRequired = reauth,
    };

    private static XElement Write(ReginfoDocument document) => ReginfoSchema.Validate(ReginfoXmlWriter.Write(document)).Root!;

    [Fact]
    public void EveryVisibleImpuOfTheSetGetsARegistrationWithTheSameContacts()
    {
        var binding = Binding("sip:alice@192.0.2.1");

        var root = Write(ReginfoBuilder.Build(0, Set, [binding], [new(binding, ContactEvent.Registered)], Now));

        var registrations = root.Elements(Ns + "registration").ToList();
        Assert.Equal(["sip:alice@ims.lab", "tel:+15550001"], registrations.Select(r => r.Attribute("aor")!.Value));
        Assert.All(registrations, r => Assert.Equal("active", r.Attribute("state")!.Value));
        Assert.All(registrations, r => Assert.Equal("sip:alice@192.0.2.1", r.Element(Ns + "contact")!.Element(Ns + "uri")!.Value));
        Assert.NotEqual(registrations[0].Attribute("id")!.Value, registrations[1].Attribute("id")!.Value);
    }

    [Fact]
    public void ActiveContactCarriesRemainingExpiryDurationAndParametersButNotExpiresOrQAsParams()
    {
        var binding = Binding("sip:alice@192.0.2.1");

        var contact = Write(ReginfoBuilder.Build(0, Set, [binding], [new(binding, ContactEvent.Refreshed)], Now)).Descendants(Ns + "contact").First();

        Assert.Equal("refreshed", contact.Attribute("event")!.Value);
        Assert.Equal("600", contact.Attribute("expires")!.Value);
        Assert.Equal("30", contact.Attribute("duration-registered")!.Value);
        Assert.Equal("0.7", contact.Attribute("q")!.Value);
        Assert.Equal("call-9", contact.Attribute("callid")!.Value);
        Assert.Equal(["+sip.instance", "+g.3gpp.smsip"], contact.Elements(Ns + "unknown-param").Select(p => p.Attribute("name")!.Value));
    }

    [Fact]
    public void RemovedLastContactMakesTheRegistrationTerminated()
    {
        var binding = Binding("sip:alice@192.0.2.1");

        var root = Write(ReginfoBuilder.Build(3, Set, [], [new(binding, ContactEvent.Rejected)], Now));

        var registration = root.Elements(Ns + "registration").First();
        Assert.Equal("terminated", registration.Attribute("state")!.Value);
        var contact = registration.Element(Ns + "contact")!;
        Assert.Equal("terminated", contact.Attribute("state")!.Value);
        Assert.Equal("rejected", contact.Attribute("event")!.Value);
        Assert.Equal("3", root.Attribute("version")!.Value);
    }

    [Fact]
    public void ContactAwaitingReauthenticationIsShownShortened()
    {
        var binding = Binding("sip:alice@192.0.2.1", reauth: true);

        var contact = Write(ReginfoBuilder.Build(1, Set, [binding], [], Now)).Descendants(Ns + "contact").First();

        Assert.Equal("shortened", contact.Attribute("event")!.Value);
        Assert.Equal("active", contact.Attribute("state")!.Value);
    }

    [Fact]
    public void SetWithoutContactsIsInit()
    {
        var root = Write(ReginfoBuilder.Build(0, Set, [], [], Now));

        Assert.All(root.Elements(Ns + "registration"), r => Assert.Equal("init", r.Attribute("state")!.Value));
    }
}
