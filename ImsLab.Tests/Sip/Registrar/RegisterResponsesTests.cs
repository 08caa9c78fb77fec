using ImsLab.Sip.Messages;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Tests.Sip.Registrar;

public sealed class RegisterResponsesTests
{
    private static readonly DateTimeOffset Now = new(2001, 7, 11, 8, 49, 37, TimeSpan.Zero);

    private static SipRequest Register(bool withPath)
    {
        var request = new SipRequest("REGISTER", SipUri.Parse("sip:registrar.home1.net"));
        request.Headers.Add("Via", "SIP/2.0/UDP [5555::aaa:bbb:ccc:ddd];branch=z9hG4bK1");
        request.Headers.Add("From", "<sip:user1_public1@home1.net>;tag=4fa3");
        request.Headers.Add("To", "<sip:user1_public1@home1.net>");
        request.Headers.Add("Call-ID", "apb03a0s09dkjdfglkj49111");
        request.Headers.Add("CSeq", "2 REGISTER");
        if (withPath) request.Headers.Add("Path", "<sip:pcscf1.visited1.net;lr>");
        return request;
    }

    private static RegistrationBinding Binding(string parameters) => new()
    {
        Id = Guid.NewGuid(), Impu = "sip:user1_public1@home1.net", Impi = "user1_private@home1.net",
        ContactUri = "sip:[5555::aaa:bbb:ccc:ddd]", ContactParameters = parameters, ExpiresAt = Now.AddSeconds(7200),
        Flow = new BindingFlow("UDP", "5555::aaa:bbb:ccc:ddd", 5060, "::1", 5060, 0), CallId = "c", CSeq = 2,
        ScscfUri = "sip:scscf1.home1.net", RegisteredAt = Now, RefreshedAt = Now,
    };

    private static readonly PublicIdentity[] Set =
    [
        new("sip:user1_public1@home1.net", false, true, 1, null),
        new("sip:user1_public2@home1.net", false, true, 1, null),
        new("sip:user1_barred@home1.net", true, true, 1, null),
        new("tel:+358504821437", false, true, 1, null),
    ];

    [Fact]
    public void OkListsTheImplicitSetWithoutBarredImpusInPAssociatedUri()
    {
        var response = RegisterResponses.Ok(Register(false), [Binding("")], Set, "sip:scscf1.home1.net", Now);

        Assert.Equal("<sip:user1_public1@home1.net>, <sip:user1_public2@home1.net>, <tel:+358504821437>",
            response.Headers.GetFirst("P-Associated-URI"));
    }

    [Fact]
    public void OkCarriesEveryBindingWithItsGrantedExpiryReplacingTheRequestedOne()
    {
        var response = RegisterResponses.Ok(Register(false),
            [Binding(";expires=600000;+sip.instance=\"<urn:uuid:1>\""), Binding("")], Set, "sip:scscf1.home1.net", Now);

        var contacts = response.Contacts;
        Assert.Equal(2, contacts.Count);
        Assert.Equal(7200, contacts[0].Expires);
        Assert.Equal("urn:uuid:1", contacts[0].InstanceId);
        Assert.Single(contacts[0].Parameters, p => p.Key == "expires");
    }

    [Fact]
    public void OkCarriesServiceRouteAndDate()
    {
        var response = RegisterResponses.Ok(Register(false), [Binding("")], Set, "sip:scscf1.home1.net", Now);

        Assert.Equal("<sip:scscf1.home1.net;lr;orig>", response.Headers.GetFirst("Service-Route"));
        Assert.Equal("Wed, 11 Jul 2001 08:49:37 GMT", response.Headers.GetFirst("Date"));
        Assert.False(response.Headers.Contains("Path"));
    }

    [Fact]
    public void OkEchoesPathAndSaysItSupportsIt()
    {
        var response = RegisterResponses.Ok(Register(true), [Binding("")], Set, "sip:scscf1.home1.net", Now);

        Assert.Equal("<sip:pcscf1.visited1.net;lr>", response.Headers.GetFirst("Path"));
        Assert.Equal("path", response.Headers.GetFirst("Supported"));
    }

    [Fact]
    public void ForbiddenForRoamingCarriesWarning312LikeTheSeed()
    {
        var response = RegisterResponses.Forbidden(Register(false), "home1.net", "Roaming not allowed from this network", 312);

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("312 home1.net \"Roaming not allowed from this network\"", response.Headers.GetFirst("Warning"));
    }

    [Fact]
    public void IntervalTooBriefCarriesMinExpires()
    {
        var response = RegisterResponses.IntervalTooBrief(Register(false), 60);

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.Headers.GetFirst("Min-Expires"));
    }
}
