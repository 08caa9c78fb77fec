using System.Diagnostics.Metrics;
using System.Net;
using ImsLab.Api.Hosting.Configuration;
using ImsLab.Api.Operations.Health;
using SipListenerProtocol = ImsLab.Api.Hosting.Configuration.SipListenerProtocol;
using ImsLab.Sip;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Events;
using ImsLab.Sip.Monitoring;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImsLab.Api.Sip;

/// <summary>Registration of the SIP engine in the host.</summary>
public static class SipEngineServiceCollectionExtensions
{
    /// <summary>The configuration section of the engine.</summary>
    public const string SectionName = "ImsLab:Sip";

    /// <summary>
    /// Adds the SIP engine (stack, registrar, reg-event, network-initiated procedures) as a hosted service, the
    /// registration event bus, the event log writer, and the engine as the <see cref="ILiveRegistrationTerminator"/> and
    /// the <see cref="ISubscriberChangeObserver"/> (an SQN reset drops the SEQ block the registrar reserved).
    /// Call after AddImsLabData, whose storage ports it uses and whose migrations must run first. Configuration:
    /// <c>ImsLab:Sip:Listeners</c> (array of Protocol Udp|Tcp, Address, Port; default UDP and TCP on 0.0.0.0:5060),
    /// <c>ImsLab:Sip:Registrar</c> (<see cref="RegistrarOptions"/>, TrustedPcscfs as addresses).
    /// </summary>
    public static IServiceCollection AddImsLabSipEngine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = ReadOptions(configuration);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RegistrationEventBus>();
        services.AddSingleton(sp => new ImsLabSipEngine(
            options,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<ISubscriberDirectory>(),
            sp.GetRequiredService<IBindingStore>(),
            sp.GetRequiredService<IRegEventSubscriptionStore>(),
            sp.GetRequiredService<ISequenceNumberStore>(),
            sp.GetRequiredService<RegistrationEventBus>(),
            sp.GetService<IMeterFactory>()));
        services.AddSingleton(sp => sp.GetRequiredService<ImsLabSipEngine>().NetworkProcedures);
        services.AddSingleton<ILiveRegistrationTerminator>(sp => sp.GetRequiredService<NetworkInitiatedProcedures>());
        services.AddSingleton<ISubscriberChangeObserver>(sp => sp.GetRequiredService<ImsLabSipEngine>().SubscriberChanges);
        services.AddSingleton(sp => new RegistrationEventLogWriter(sp.GetRequiredService<RegistrationEventBus>(),
            sp.GetRequiredService<IRegistrationEventLog>(), sp.GetRequiredService<ILogger<RegistrationEventLogWriter>>()));
        // Read side for the REST API, the hub and the dashboard; live consumers build their own RegistrationEventBatcher.
        services.AddSingleton<RegistrationQueries>();
        services.AddSingleton<ImplicitSetResolver>();
        services.AddSingleton<RegistrationStatistics>();
        services.AddHostedService<SipEngineHostedService>();
        services.AddSingleton<IReadinessProbe, SipListenersReadinessProbe>();
        return services;
    }

    /// <summary>
    /// Builds the engine's options from the same "ImsLab" configuration the host validates at start-up (domain,
    /// realm, S-CSCF URI, listeners, timers, registration policy), so that there is one set of settings; the
    /// engine-only registrar settings (trusted P-CSCFs, re-registration policy, ...) come from ImsLab:Sip:Registrar
    /// and win where both name the same thing.
    /// </summary>
    internal static ImsLabSipEngineOptions ReadOptions(IConfiguration configuration)
    {
        var host = new ImsLabOptions();
        configuration.GetSection(ImsLabOptions.SectionName).Bind(host);
        new ImsLabOptionsDefaults().PostConfigure(null, host);
        var sip = host.Sip;

        var options = new ImsLabSipEngineOptions();
        options.Registrar.Realm = sip.EffectiveRealm;
        options.Registrar.ScscfUri = sip.EffectiveScscfUri;
        options.Registrar.MinExpiresSeconds = sip.Registration.MinExpires;
        options.Registrar.MaxExpiresSeconds = sip.Registration.MaxExpires;
        options.Registrar.DefaultExpiresSeconds = sip.Registration.DefaultExpires;
        options.Registrar.MaxContactsPerImpu = sip.Registration.MaxContactsPerImpu;
        options.Registrar.MaxAuthFailures = sip.Registration.MaxAuthFailures;
        options.Stack.Timers.T1 = sip.Timers.T1;
        options.Stack.Timers.T2 = sip.Timers.T2;
        options.Stack.Timers.T4 = sip.Timers.T4;
        foreach (var listener in sip.Listeners)
        {
            options.Stack.Transport.Listeners.Add(new ImsLab.Sip.Transport.SipListenerOptions
            {
                Protocol = listener.Protocol == SipListenerProtocol.Tcp ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp,
                Address = IPAddress.Parse(listener.Address),
                Port = listener.Port,
                AdvertisedHost = listener.AdvertisedHost,
            });
        }

        var registrar = configuration.GetSection(SectionName + ":Registrar");
        registrar.Bind(options.Registrar);
        foreach (var address in registrar.GetSection("TrustedPcscfs").GetChildren())
        {
            if (IPAddress.TryParse(address.Value, out var parsed))
            {
                options.Registrar.TrustedPcscfs.Add(parsed);
            }
            else
            {
                throw new InvalidOperationException($"{address.Path}: '{address.Value}' is not an IP address.");
            }
        }
        return options;
    }
}
