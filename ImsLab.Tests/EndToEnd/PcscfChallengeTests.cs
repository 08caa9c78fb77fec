using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;

namespace ImsLab.Tests.EndToEnd;

/// <summary>TS 24.229 5.4.1.2.1 / TS 33.203: the 401 towards a trusted P-CSCF carries ik and ck; no trace ever does.</summary>
public sealed class PcscfChallengeTests : IAsyncLifetime
{
    private ImsCoreHarness _core = null!;

    public async Task InitializeAsync() => _core = await ImsCoreHarness.StartAsync(ImsCoreHarness.InMemory(),
        configure: o => o.Registrar.TrustedPcscfs.Add(System.Net.IPAddress.Loopback));

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task ChallengeTowardsATrustedPcscfCarriesIkAndCkButTheTraceDoesNot()
    {
        await using var ue = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);

        var challenge = RawUe.ChallengeOf(await ue.SendAsync(ue.Register(extraHeaders: "Path: <sip:pcscf1.visited1.net;lr>")));

        Assert.Equal(32, challenge.Ik!.Length);
        Assert.Equal(32, challenge.Ck!.Length);
        var traced = await _core.NextEventAsync(RegistrationEventType.Challenged);
        var sent = traced.SipTrace![1].Text;
        Assert.StartsWith("SIP/2.0 401", sent);
        Assert.DoesNotContain(challenge.Ik, sent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(challenge.Ck, sent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(challenge.Nonce, sent);
    }
}
