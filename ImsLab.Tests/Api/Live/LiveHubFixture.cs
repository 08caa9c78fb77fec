using System.Net;
using System.Net.Http.Json;
using ImsLab.Data.Access;
using ImsLab.Data.Provisioning;
using ImsLab.Sip;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;
using ImsLab.Sip.Ue;
using ImsLab.Tests.EndToEnd;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImsLab.Tests.Api.Live;

/// <summary>
/// The real host on Kestrel at a random loopback port (Node cannot reach TestServer), with a viewer API key, and
/// helpers to provision subscribers and register them with the shipped UE simulator over the host's SIP listener.
/// </summary>
public sealed class LiveHubFixture : IAsyncLifetime
{
    public ApiFactory Host { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public string HubUrl => BaseUrl + "/hubs/registrations";

    public string ViewerKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Host.StartServer();
        BaseUrl = Host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var created = await Host.Services.GetRequiredService<AccessStore>()
            .CreateApiKeyAsync("live-tests", UserRole.Viewer, "test", CancellationToken.None);
        ViewerKey = Assert.IsType<ProvisioningResult<CreatedApiKey>.Created>(created).Value.Key;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Logs in over HTTP on the real port and returns the auth cookie as a "name=value" Cookie header.</summary>
    public async Task<string> CookieOfAsync(string username, UserRole role)
    {
        var access = Host.Services.GetRequiredService<AccessStore>();
        const string password = "live-user-password-1";
        await access.CreateUserAsync(username, password, role, "test", CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var response = await http.PostAsJsonAsync("/api/auth/login", new { username, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ImsLab.Auth=", StringComparison.Ordinal));
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    /// <summary>
    /// Provisions a password (MD5 digest) subscriber with one IMPU, named after <paramref name="user"/>, and
    /// <paramref name="implicitImpu"/> in the same implicit registration set when given.
    /// </summary>
    public async Task<LiveSubscriber> ProvisionAsync(string user, string? implicitImpu = null)
    {
        var realm = Host.Services.GetRequiredService<ImsLabSipEngineOptions>().Registrar.Realm
            ?? throw new InvalidOperationException("The host configures the realm from ImsLab:Sip:Domain.");
        var subscriber = new LiveSubscriber($"{user}@{realm}", $"sip:{user}@{realm}", user + "-secret", realm);
        var result = await Host.Services.GetRequiredService<SubscriberProvisioningService>().CreateAsync(new SubscriberInput
        {
            Impi = subscriber.Impi,
            AllowedSchemes = AuthScheme.Md5,
            Password = subscriber.Password,
            DigestRealm = realm,
            PublicIdentities = implicitImpu is null
                ? [new PublicIdentityInput { Uri = subscriber.Impu }]
                : [new PublicIdentityInput { Uri = subscriber.Impu }, new PublicIdentityInput { Uri = implicitImpu, CanRegister = false }],
        }, "test", CancellationToken.None);
        Assert.IsType<ProvisioningResult<SubscriberView>.Created>(result);
        return subscriber;
    }

    /// <summary>Registers the subscriber with the UE simulator over UDP; dispose the result to stop the UE.</summary>
    public async Task<UeSimulator> RegisterAsync(LiveSubscriber subscriber)
    {
        var engine = Host.Services.GetRequiredService<ImsLabSipEngine>();
        var ue = new UeSimulator(new UeSimulatorOptions
        {
            Impi = subscriber.Impi,
            Impu = subscriber.Impu,
            Domain = subscriber.Realm,
            Registrar = engine.BoundEndpoints.First(e => e.Protocol == SipTransportProtocol.Udp).EndPoint,
            Credentials = new UePasswordCredentials(subscriber.Password),
            SubscribeToRegEvent = false,
        }, TimeProvider.System, NullLoggerFactory.Instance);
        Assert.Equal(UeRegistrationState.Registered, await ue.StartAsync(CancellationToken.None));
        return ue;
    }
}

/// <summary>A subscriber provisioned for a live hub test.</summary>
public sealed record LiveSubscriber(string Impi, string Impu, string Password, string Realm);
