using ImsLab.Sip.Monitoring;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.EndToEnd;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Sip.Monitoring;

public sealed class ImplicitSetResolverTests
{
    private readonly InMemorySubscriberDirectory _hss = new();
    private readonly ImplicitSetResolver _resolver;

    public ImplicitSetResolverTests()
    {
        _hss.Add(TestSubscribers.Aka());
        _resolver = new ImplicitSetResolver(_hss);
    }

    private static SubscriberProfile Sharing(string impi, string sharedImpu, string ownTel) => TestSubscribers.Md5() with
    {
        Impi = impi,
        PublicIdentities = [new(sharedImpu, false, true, 7, null), new(ownTel, false, false, 7, null)],
    };

    [Fact]
    public async Task AnImplicitlyRegisteredImpuStandsForEveryImpuOfItsSetBarredOnesIncluded()
    {
        var impus = await _resolver.ImpusRegisteredWithAsync(TestSubscribers.AkaTel, default);

        // user1's set 1, the barred sip:user1_hidden too; sip:user1_barred is in set 2.
        Assert.Equal(
            new[] { TestSubscribers.AkaImpu, TestSubscribers.AkaImpu2, TestSubscribers.AkaTel, TestSubscribers.HiddenImpu }.Order(),
            impus.Order());
    }

    [Fact]
    public async Task AnImpuIsNormalizedAsTheRegistrarNormalizesTheToUri()
    {
        var impus = await _resolver.ImpusRegisteredWithAsync(" sip:user1_public1@HOME1.net;transport=udp ", default);

        Assert.Contains(TestSubscribers.AkaTel, impus);
        Assert.Contains("SIP:USER1_PUBLIC1@home1.net", impus);
        Assert.DoesNotContain(impus, i => i.Contains(';', StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnImpuTheHssDoesNotKnowStandsForItselfOnly()
    {
        Assert.Equal(["sip:deleted@home1.net"], await _resolver.ImpusRegisteredWithAsync("sip:deleted@HOME1.net;user=phone", default));
        Assert.Equal(["not a uri"], await _resolver.ImpusRegisteredWithAsync("not a uri", default));
    }

    [Fact]
    public async Task AnImpuSharedBySeveralImpisStandsForTheSetsOfEachOfThem()
    {
        _hss.Add(Sharing("parent@home1.net", "sip:family@home1.net", "tel:+15550000101"));
        _hss.Add(Sharing("child@home1.net", "sip:family@home1.net", "tel:+15550000102"));

        var impus = await _resolver.ImpusRegisteredWithAsync("sip:family@home1.net", default);

        Assert.Equal(new[] { "sip:family@home1.net", "tel:+15550000101", "tel:+15550000102" }, impus.Order());
    }
}
