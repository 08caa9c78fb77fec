using ImsLab.Api.Sip;
using ImsLab.Data;
using ImsLab.Sip;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;
using ImsLab.Tests.Data;
using ImsLab.Tests.EndToEnd;
using ImsLab.Tests.Sip.Support;
using ImsLab.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ImsLab.Tests.Api.Sip;

/// <summary>The host wiring: AddImsLabData + AddImsLabSipEngine start an engine that registers UEs and logs events.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SipEngineHostingTests(PgFixture postgres)
{
    [Fact]
    public async Task HostedEngineRegistersAUeAndWritesTheEventLog()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ImsLab"] = await postgres.CreateDatabaseAsync("hosting"),
            ["ImsLab:Secrets:MasterKey"] = DataTestHost.TestMasterKey,
            ["ImsLab:Sip:Listeners:0:Protocol"] = "Udp",
            ["ImsLab:Sip:Listeners:0:Address"] = "127.0.0.1",
            ["ImsLab:Sip:Listeners:0:Port"] = "0",
            ["ImsLab:Sip:Registrar:Realm"] = TestSubscribers.Realm,
            ["ImsLab:Sip:Registrar:MinExpiresSeconds"] = "30",
            ["ImsLab:Sip:Registrar:TrustedPcscfs:0"] = "192.0.2.10",
        });
        builder.Services.AddImsLabData(builder.Configuration);
        builder.Services.AddImsLabSipEngine(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var options = host.Services.GetRequiredService<ImsLabSipEngineOptions>();
            Assert.Equal(30, options.Registrar.MinExpiresSeconds);
            Assert.Equal("192.0.2.10", Assert.Single(options.Registrar.TrustedPcscfs).ToString());
            Assert.IsType<NetworkInitiatedProcedures>(host.Services.GetRequiredService<ILiveRegistrationTerminator>());
            await PostgresRegistrationTests.ProvisionAsync(host.Services);
            var engine = host.Services.GetRequiredService<ImsLabSipEngine>();
            var endpoint = Assert.Single(engine.BoundEndpoints).EndPoint;
            await using var ue = new RawUe(await SipTestPeer.ConnectAsync(SipTransportProtocol.Udp, endpoint), TestSubscribers.AkaImpi, TestSubscribers.AkaImpu);

            Assert.Equal(200, (await ue.RegisterWithAkaAsync()).StatusCode);

            var log = host.Services.GetRequiredService<IRegistrationEventLog>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            IReadOnlyList<RegistrationEvent> logged;
            do
            {
                timeout.Token.ThrowIfCancellationRequested();
                await Task.Yield();
                logged = await log.QueryAsync(new RegistrationEventQuery { Impi = TestSubscribers.AkaImpi, IncludeSipTrace = true }, CancellationToken.None);
            }
            while (!logged.Any(e => e.Type == RegistrationEventType.Registered));
            Assert.Contains(logged, e => e.Type == RegistrationEventType.Challenged);
            Assert.Contains(logged.Single(e => e.Type == RegistrationEventType.Registered).SipTrace!, t => t.Text.StartsWith("SIP/2.0 200", StringComparison.Ordinal));
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
