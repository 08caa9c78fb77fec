using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Tests.Sip.Registrar;

public sealed class RegistrationTableTests
{
    private static readonly PublicIdentity Sip = new("sip:alice@ims.lab", false, true, 1, null);
    private static readonly PublicIdentity Tel = new("tel:+15550001", false, true, 1, null);

    private static RegistrationBinding Binding(string uri) => new()
    {
        Id = Guid.NewGuid(), Impu = Sip.Uri, Impi = "alice@ims.lab", ContactUri = uri, ContactParameters = "",
        ExpiresAt = DateTimeOffset.UnixEpoch.AddHours(1), Flow = new BindingFlow("UDP", "192.0.2.1", 5060, "127.0.0.1", 5060, 0),
        CallId = "c", CSeq = 1, ScscfUri = "sip:scscf.ims.lab", RegisteredAt = DateTimeOffset.UnixEpoch, RefreshedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void EveryImpuOfTheImplicitSetFindsTheSameRegistration()
    {
        var table = new RegistrationTable();

        var registration = table.GetOrCreate(Sip.Uri, [Sip, Tel]);

        Assert.Same(registration, table.Find("tel:+15550001"));
        Assert.Same(registration, table.Find("SIP:alice@ims.lab"));
    }

    [Fact]
    public void ContactCountFollowsTheBindings()
    {
        var table = new RegistrationTable();
        var registration = table.GetOrCreate(Sip.Uri, [Sip, Tel]);

        lock (registration.Gate) table.SetBindings(registration, [Binding("sip:a@1"), Binding("sip:a@2")]);
        Assert.Equal(2, table.ContactCount);

        lock (registration.Gate) table.SetBindings(registration, [Binding("sip:a@1")]);
        Assert.Equal(1, table.ContactCount);
    }

    [Fact]
    public void ASetWithoutBindingsIsForgottenForEveryImpu()
    {
        var table = new RegistrationTable();
        var registration = table.GetOrCreate(Sip.Uri, [Sip, Tel]);
        lock (registration.Gate) table.SetBindings(registration, [Binding("sip:a@1")]);

        lock (registration.Gate) table.SetBindings(registration, []);

        Assert.True(registration.Removed);
        Assert.Null(table.Find(Sip.Uri));
        Assert.Null(table.Find(Tel.Uri));
        Assert.Empty(table.Registrations());
        Assert.NotSame(registration, table.GetOrCreate(Sip.Uri, [Sip, Tel]));
    }

    [Fact]
    public void RegistrationsListsEachSetOnce()
    {
        var table = new RegistrationTable();
        table.GetOrCreate(Sip.Uri, [Sip, Tel]);
        table.GetOrCreate("sip:bob@ims.lab", [new("sip:bob@ims.lab", false, true, 2, null)]);

        Assert.Equal(2, table.Registrations().Count());
    }
}
