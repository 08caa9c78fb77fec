using ImsLab.Sip.RegEvent;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Tests.Sip.Registrar;

public sealed class BindingUpdateTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly RegistrarOptions _options = new() { MinExpiresSeconds = 60, MaxExpiresSeconds = 7200, DefaultExpiresSeconds = 3600, MaxContactsPerImpu = 2 };

    private static RequestedContact Contact(string uri, long? expires = null, string? instance = null, int? regId = null) =>
        new(uri, expires is null ? "" : $";expires={expires}", expires, null, instance, regId, []);

    private static BindingRequest Request(uint cseq, params RequestedContact[] contacts) => new()
    {
        Impu = "sip:alice@ims.lab", Impi = "alice@ims.lab", Contacts = contacts, Wildcard = false, CallId = "call-1",
        CSeq = cseq, Flow = new BindingFlow("UDP", "192.0.2.1", 5060, "127.0.0.1", 5060, 0), Now = Now,
    };

    private BindingUpdate Apply(IReadOnlyList<RegistrationBinding> current, BindingRequest request) =>
        BindingUpdate.Compute(current, request, _options, "sip:scscf.ims.lab", (a, b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void NewContactIsBoundWithTheRequestedExpiry()
    {
        var update = Apply([], Request(1, Contact("sip:alice@192.0.2.1", 600)));

        Assert.Equal(BindingUpdateOutcome.Applied, update.Outcome);
        var binding = Assert.Single(update.Bindings);
        Assert.Equal(Now.AddSeconds(600), binding.ExpiresAt);
        Assert.Equal("sip:alice@ims.lab", binding.Impu);
        Assert.Equal(ContactEvent.Registered, Assert.Single(update.ContactChanges).Event);
        Assert.IsType<BindingChange.Upsert>(Assert.Single(update.Changes));
    }

    [Fact]
    public void ContactWithoutExpiryGetsTheDefault()
    {
        var update = Apply([], Request(1, Contact("sip:alice@192.0.2.1")));

        Assert.Equal(Now.AddSeconds(3600), update.Bindings[0].ExpiresAt);
    }

    [Fact]
    public void ExpiryAboveTheMaximumIsShortened()
    {
        var update = Apply([], Request(1, Contact("sip:alice@192.0.2.1", 600_000)));

        Assert.Equal(Now.AddSeconds(7200), update.Bindings[0].ExpiresAt);
    }

    [Fact]
    public void ExpiryBelowMinExpiresIsIntervalTooBrief()
    {
        var update = Apply([], Request(1, Contact("sip:alice@192.0.2.1", 30)));

        Assert.Equal(BindingUpdateOutcome.IntervalTooBrief, update.Outcome);
        Assert.Empty(update.Changes);
    }

    [Fact]
    public void SameContactAgainRefreshesTheSameBinding()
    {
        var first = Apply([], Request(1, Contact("sip:alice@192.0.2.1", 600))).Bindings;

        var update = Apply(first, Request(2, Contact("sip:ALICE@192.0.2.1", 1200)));

        var binding = Assert.Single(update.Bindings);
        Assert.Equal(first[0].Id, binding.Id);
        Assert.Equal(Now.AddSeconds(1200), binding.ExpiresAt);
        Assert.Equal(ContactEvent.Refreshed, update.ContactChanges.Single().Event);
    }

    [Fact]
    public void ARefreshThatRepeatsContactCallIdAndFlowKeepsTheBindingsOwnInstances()
    {
        var first = Apply([], Request(1, Contact("sip:alice@192.0.2.1", 600, "<urn:uuid:1>"))).Bindings;
        // What the parser hands over for the refresh: equal values, fresh instances.
        var again = Request(2, Contact(new string("sip:alice@192.0.2.1"), 600, new string("<urn:uuid:1>"))) with
        {
            CallId = new string("call-1"),
            Flow = new BindingFlow("UDP", "192.0.2.1", 5060, "127.0.0.1", 5060, 0),
        };

        var binding = Apply(first, again).Bindings.Single();

        Assert.Same(first[0].ContactUri, binding.ContactUri);
        Assert.Same(first[0].ContactParameters, binding.ContactParameters);
        Assert.Same(first[0].InstanceId, binding.InstanceId);
        Assert.Same(first[0].CallId, binding.CallId);
        Assert.Same(first[0].Flow, binding.Flow);
    }

    [Fact]
    public void ARefreshFromAnotherFlowRecordsTheNewFlow()
    {
        var first = Apply([], Request(1, Contact("sip:alice@192.0.2.1", 600))).Bindings;
        var moved = Request(2, Contact("sip:alice@192.0.2.1", 600)) with { Flow = new BindingFlow("UDP", "198.51.100.9", 40000, "127.0.0.1", 5060, 0) };

        var binding = Apply(first, moved).Bindings.Single();

        Assert.Equal("198.51.100.9", binding.Flow.RemoteAddress);
    }

    [Fact]
    public void ANewContactIsAddedBesideTheExistingOne()
    {
        var first = Apply([], Request(1, Contact("sip:alice@192.0.2.1", 600))).Bindings;

        var update = Apply(first, Request(2, Contact("sip:alice@192.0.2.2", 600)));

        Assert.Equal(2, update.Bindings.Length);
    }

    [Fact]
    public void SameInstanceAndRegIdReplaceTheOldBindingWhateverItsUri()
    {
        var first = Apply([], Request(1, Contact("sip:alice@192.0.2.1", 600, "<urn:uuid:1>", 1))).Bindings;

        var update = Apply(first, Request(2, Contact("sip:alice@198.51.100.7:4000", 600, "<urn:uuid:1>", 1)));

        var binding = Assert.Single(update.Bindings);
        Assert.Equal(first[0].Id, binding.Id);
        Assert.Equal("sip:alice@198.51.100.7:4000", binding.ContactUri);
    }

    [Fact]
    public void SameInstanceWithAnotherRegIdIsASecondFlow()
    {
        var first = Apply([], Request(1, Contact("sip:alice@192.0.2.1", 600, "<urn:uuid:1>", 1))).Bindings;

        var update = Apply(first, Request(2, Contact("sip:alice@192.0.2.1", 600, "<urn:uuid:1>", 2)));

        Assert.Equal(2, update.Bindings.Length);
    }

    [Fact]
    public void ExpiresZeroRemovesTheMatchingBindingAsUnregistered()
    {
        var first = Apply([], Request(1, Contact("sip:alice@192.0.2.1", 600), Contact("sip:alice@192.0.2.2", 600))).Bindings;

        var update = Apply(first, Request(2, Contact("sip:alice@192.0.2.1", 0)));

        Assert.Equal("sip:alice@192.0.2.2", Assert.Single(update.Bindings).ContactUri);
        Assert.Equal(ContactEvent.Unregistered, update.ContactChanges.Single().Event);
        Assert.Equal(first[0].Id, Assert.IsType<BindingChange.Remove>(update.Changes.Single()).BindingId);
    }

    [Fact]
    public void WildcardRemovesEveryBinding()
    {
        var first = Apply([], Request(1, Contact("sip:alice@192.0.2.1", 600), Contact("sip:alice@192.0.2.2", 600))).Bindings;

        var update = Apply(first, Request(2) with { Wildcard = true });

        Assert.Empty(update.Bindings);
        Assert.Equal(2, update.Changes.Count);
        Assert.All(update.ContactChanges, c => Assert.True(c.Terminated));
    }

    [Fact]
    public void SameCallIdWithAnOlderCSeqIsOutOfOrder()
    {
        var first = Apply([], Request(5, Contact("sip:alice@192.0.2.1", 600))).Bindings;

        var update = Apply(first, Request(5, Contact("sip:alice@192.0.2.1", 1200)));

        Assert.Equal(BindingUpdateOutcome.OutOfOrder, update.Outcome);
        Assert.Same(first[0], update.Bindings.Single());
    }

    [Fact]
    public void MoreContactsThanTheLimitAreRefused()
    {
        var first = Apply([], Request(1, Contact("sip:alice@192.0.2.1", 600), Contact("sip:alice@192.0.2.2", 600))).Bindings;

        var update = Apply(first, Request(2, Contact("sip:alice@192.0.2.3", 600)));

        Assert.Equal(BindingUpdateOutcome.TooManyContacts, update.Outcome);
    }

    [Fact]
    public void RegisterWithoutContactsOnlyQueriesTheBindings()
    {
        var first = Apply([], Request(1, Contact("sip:alice@192.0.2.1", 600))).Bindings;

        var update = Apply(first, Request(2));

        Assert.Equal(BindingUpdateOutcome.Applied, update.Outcome);
        Assert.Empty(update.Changes);
        Assert.Single(update.Bindings);
    }

    [Fact]
    public void RefreshClearsAPendingReauthentication()
    {
        var first = Apply([], Request(1, Contact("sip:alice@192.0.2.1", 600))).Bindings;
        first[0] = first[0] with { ReauthenticationRequired = true };

        var update = Apply(first, Request(2, Contact("sip:alice@192.0.2.1", 600)));

        Assert.False(update.Bindings.Single().ReauthenticationRequired);
    }
}
