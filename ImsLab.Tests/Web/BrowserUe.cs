using ImsLab.Data.Provisioning;
using ImsLab.Sip;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;
using ImsLab.Sip.Ue;
using Microsoft.Extensions.DependencyInjection;
using ImsLab.Tests.EndToEnd;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImsLab.Tests.Web;

/// <summary>
/// A subscriber provisioned in the browser tests' host and the UE simulator registering it over UDP, on the real clock
/// (the host runs on it), with its state changes and NOTIFYs queued for the test to wait on.
/// </summary>
internal sealed class BrowserUe : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    // TS 35.208 test set 1.
    private static readonly byte[] K = Convert.FromHexString("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static readonly byte[] Opc = Convert.FromHexString("cd63cb71954a9f4e48a5994e37a02baf");
    private static readonly byte[] Amf = Convert.FromHexString("b9b9");

    private readonly UeReports _reports = new();

    private BrowserUe(UeSimulator simulator, string impi, string impu)
    {
        Simulator = simulator;
        Impi = impi;
        Impu = impu;
        _reports.Watch(simulator);
    }

    public UeSimulator Simulator { get; }

    public string Impi { get; }

    public string Impu { get; }

    /// <summary>Provisions a fresh AKA subscriber named after <paramref name="name"/> (no UE started yet).</summary>
    public static async Task<BrowserUe> ProvisionAsync(IServiceProvider services, string name)
    {
        var realm = services.GetRequiredService<ImsLabSipEngineOptions>().Registrar.Realm ?? throw new InvalidOperationException("The host has no realm.");
        var user = $"{name}-{Guid.NewGuid():N}"[..24];
        var impi = $"{user}@{realm}";
        var impu = $"sip:{user}@{realm}";
        var created = await services.GetRequiredService<SubscriberProvisioningService>().CreateAsync(new SubscriberInput
        {
            Impi = impi,
            AllowedSchemes = AuthScheme.AkaV1Md5,
            K = Convert.ToHexStringLower(K),
            Opc = Convert.ToHexStringLower(Opc),
            Amf = Convert.ToHexStringLower(Amf),
            PublicIdentities = [new PublicIdentityInput { Uri = impu }],
        }, "test", CancellationToken.None);
        Assert.IsType<ProvisioningResult<SubscriberView>.Created>(created);

        return ForSubscriber(services, impi, impu, AkaCredentials.FromOpc(K, Opc, Amf));
    }

    /// <summary>A UE (not started yet) for a subscriber provisioned some other way, such as the dashboard's dialog.</summary>
    public static BrowserUe ForSubscriber(IServiceProvider services, string impi, string impu, AkaCredentials keys)
    {
        var realm = services.GetRequiredService<ImsLabSipEngineOptions>().Registrar.Realm ?? throw new InvalidOperationException("The host has no realm.");
        var engine = services.GetRequiredService<ImsLabSipEngine>();
        var registrar = engine.BoundEndpoints.First(e => e.Protocol == SipTransportProtocol.Udp).EndPoint;
        var simulator = new UeSimulator(new UeSimulatorOptions
        {
            Impi = impi,
            Impu = impu,
            Domain = realm,
            Registrar = registrar,
            Credentials = new UeAkaCredentials(keys),
            UserAgent = "ImsLab-UeSim/browser-test",
        }, TimeProvider.System, NullLoggerFactory.Instance);
        return new BrowserUe(simulator, impi, impu);
    }

    /// <summary>Registers (AKA, then the reg-event subscription) and waits for the full-state NOTIFY.</summary>
    public async Task RegisterAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var state = await Simulator.StartAsync(timeout.Token);
        // The failure names the simulator's reason and the last exchange, so a red run shows the 403's Warning.
        Assert.True(state == UeRegistrationState.Registered,
            $"The UE ended {state}: {Simulator.LastChange.Reason} {Simulator.LastChange.StatusCode} {Simulator.LastChange.Detail}\n" +
            string.Join("\n", Simulator.Trace.TakeLast(2).Select(t => t.ToString())));
        await NextNotificationAsync(n => n.Document is not null);
    }

    public Task<UeNotification> NextNotificationAsync(Func<UeNotification, bool> match) => _reports.NextNotificationAsync(match);

    public Task<UeStateChange> NextStateAsync(UeRegistrationState state) => _reports.NextStateAsync(state);

    /// <summary>Deregisters (when still registered) and closes the UE, so the next test starts with an empty table.</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await Simulator.StopAsync(timeout.Token);
        await Simulator.DisposeAsync();
    }
}
