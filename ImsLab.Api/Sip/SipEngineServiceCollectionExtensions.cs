using System.Diagnostics.Metrics;
using System.Net;
using ImsLab.Sip;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Events;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;

namespace ImsLab.Api.Sip;

/// <summary>Registration of the SIP engine in the host.</summary>
public static class SipEngineServiceCollectionExtensions
{
    /// <summary>The configuration section of the engine.</summary>
    public const string SectionName = "ImsLab:Sip";

    /// <summary>
    /// Adds the SIP engine (stack, registrar, reg-event, network-initiated procedures) as a hosted service, the
    /// registration event bus, the event log writer, and the engine as the <see cref="ILiveRegistrationTerminator"/>.
    /// Call after AddImsLabData, whose storage ports it uses and whose migrations must run first. Configuration:
    /// <c>ImsLab:Sip:Listeners</c> (array of Protocol Udp|Tcp, Address, Port; default UDP and TCP on 0.0.0.0:5060),
    /// <c>ImsLab:Sip:Registrar</c> (<see cref="RegistrarOptions"/>, TrustedPcscfs as addresses).
    /// </summary>
    public static IServiceCollection AddImsLabSipEngine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = ReadOptions(configuration.GetSection(SectionName));
        services.AddSingleton(options);
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
        services.AddSingleton(sp => new RegistrationEventLogWriter(sp.GetRequiredService<RegistrationEventBus>(),
            sp.GetRequiredService<IRegistrationEventLog>(), sp.GetRequiredService<ILogger<RegistrationEventLogWriter>>()));
        services.AddHostedService<SipEngineHostedService>();
        return services;
    }

    internal static ImsLabSipEngineOptions ReadOptions(IConfigurationSection section)
    {
        var options = new ImsLabSipEngineOptions();
        section.GetSection("Registrar").Bind(options.Registrar);
        foreach (var address in section.GetSection("Registrar:TrustedPcscfs").GetChildren())
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
        foreach (var listener in section.GetSection("Listeners").GetChildren())
        {
            options.Stack.Transport.Listeners.Add(new SipListenerOptions
            {
                Protocol = Enum.Parse<SipTransportProtocol>(listener["Protocol"] ?? nameof(SipTransportProtocol.Udp), ignoreCase: true),
                Address = IPAddress.Parse(listener["Address"] ?? IPAddress.Any.ToString()),
                Port = int.TryParse(listener["Port"], out var port) ? port : SipListenerOptions.DefaultPort,
                AdvertisedHost = listener["AdvertisedHost"],
            });
        }
        if (options.Stack.Transport.Listeners.Count == 0)
        {
            options.Stack.Transport.Listeners.Add(new SipListenerOptions { Protocol = SipTransportProtocol.Udp });
            options.Stack.Transport.Listeners.Add(new SipListenerOptions { Protocol = SipTransportProtocol.Tcp });
        }
        return options;
    }
}
