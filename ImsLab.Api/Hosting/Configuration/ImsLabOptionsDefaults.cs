using Microsoft.Extensions.Options;

namespace ImsLab.Api.Hosting.Configuration;

/// <summary>Fills in the defaults that cannot be property initialisers because the binder would append to them.</summary>
internal sealed class ImsLabOptionsDefaults : IPostConfigureOptions<ImsLabOptions>
{
    public void PostConfigure(string? name, ImsLabOptions options)
    {
        if (options.Sip.Listeners.Count == 0)
        {
            options.Sip.Listeners.Add(new SipListenerOptions { Protocol = SipListenerProtocol.Udp });
            options.Sip.Listeners.Add(new SipListenerOptions { Protocol = SipListenerProtocol.Tcp });
        }
    }
}
