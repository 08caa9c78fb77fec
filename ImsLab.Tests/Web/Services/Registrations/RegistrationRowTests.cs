using ImsLab.Sip.Subscribers;
using ImsLab.Web.Services.Registrations;

namespace ImsLab.Tests.Web.Services.Registrations;

public sealed class RegistrationRowTests
{
    private static RegistrationBinding Binding(string contact, string remoteAddress, int remotePort) => new()
    {
        Id = Guid.NewGuid(), Impu = "sip:user1_public1@home1.net", Impi = "user1_private@home1.net", ContactUri = contact,
        ContactParameters = "", ExpiresAt = DateTimeOffset.UnixEpoch, Flow = new BindingFlow("UDP", remoteAddress, remotePort, "127.0.0.1", 5060, 0),
        CallId = "c", CSeq = 1, ScscfUri = "sip:scscf.home1.net", RegisteredAt = DateTimeOffset.UnixEpoch, RefreshedAt = DateTimeOffset.UnixEpoch,
        FeatureTags = ["+g.3gpp.smsip"],
    };

    [Fact]
    public void AUeBehindNatShowsItsPublicAddressAndItsContactAddress()
    {
        var row = RegistrationRow.Of(Binding("sip:user1@10.0.0.7:5060", "203.0.113.9", 40112));

        Assert.True(row.BehindNat);
        Assert.Equal("203.0.113.9:40112", row.PublicAddress);
        Assert.Equal("10.0.0.7:5060", row.ContactAddress);
        Assert.Equal("SMSoIP", Assert.Single(row.Chips).Label);
    }

    [Fact]
    public void AContactWithoutPortMeans5060AndMatchesTheFlow()
    {
        var row = RegistrationRow.Of(Binding("sip:user1@192.0.2.4", "192.0.2.4", 5060));

        Assert.False(row.BehindNat);
        Assert.Equal("192.0.2.4:5060", row.ContactAddress);
    }

    [Fact]
    public void IPv6AddressesAreBracketed()
    {
        var row = RegistrationRow.Of(Binding("sip:user1@[2001:db8::1]:5070", "2001:db8::1", 5070));

        Assert.False(row.BehindNat);
        Assert.Equal("[2001:db8::1]:5070", row.PublicAddress);
    }
}
