using System.Net;
using ImsLab.Sip.Transactions;
using ImsLab.Sip.Transport;
using ImsLab.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImsLab.Tests.Sip.Support;

/// <summary>A real SipStack on loopback ports chosen by the system (UDP and TCP, IPv4 and IPv6) and a manual clock.</summary>
internal sealed class LoopbackSipStack : IAsyncDisposable
{
    private LoopbackSipStack(SipStack stack, ManualTimeProvider clock, SipStackOptions options)
    {
        Stack = stack;
        Clock = clock;
        Options = options;
    }

    public SipStack Stack { get; }

    public ManualTimeProvider Clock { get; }

    public SipStackOptions Options { get; }

    public SipTimerOptions Timers => Options.Timers;

    public static async Task<LoopbackSipStack> StartAsync(Action<SipStackOptions>? configure = null, bool ipv6 = true, ILoggerFactory? loggers = null)
    {
        var options = new SipStackOptions();
        foreach (var protocol in new[] { SipTransportProtocol.Udp, SipTransportProtocol.Tcp })
        {
            // One receive loop per socket: these tests reason about the order in which one peer's datagrams are handled
            // (AssertNothingPendingAsync's probe, an ACK before the clock moves), which concurrent loops do not keep.
            options.Transport.Listeners.Add(new SipListenerOptions { Protocol = protocol, Address = IPAddress.Loopback, Port = 0, ReceiveLoops = 1 });
            if (ipv6)
            {
                options.Transport.Listeners.Add(new SipListenerOptions { Protocol = protocol, Address = IPAddress.IPv6Loopback, Port = 0, ReceiveLoops = 1 });
            }
        }

        configure?.Invoke(options);
        var clock = new ManualTimeProvider();
        var stack = new SipStack(options, clock, loggers ?? NullLoggerFactory.Instance);
        await stack.StartAsync(CancellationToken.None);
        return new LoopbackSipStack(stack, clock, options);
    }

    /// <summary>Starts a stack on which <paramref name="handler"/> answers <paramref name="method"/>.</summary>
    public static async Task<LoopbackSipStack> StartAsync(string method, ISipRequestHandler handler)
    {
        var server = await StartAsync();
        server.Stack.MapMethod(method, handler);
        return server;
    }

    public IPEndPoint Endpoint(SipTransportProtocol protocol, bool ipv6 = false) =>
        Stack.BoundEndpoints.First(e => e.Protocol == protocol && (e.EndPoint.Address.Equals(IPAddress.IPv6Loopback) == ipv6)).EndPoint;

    /// <summary>A raw peer connected to (TCP) or aiming at (UDP) the stack's listener.</summary>
    public Task<SipTestPeer> PeerAsync(SipTransportProtocol protocol, bool ipv6 = false) =>
        SipTestPeer.ConnectAsync(protocol, Endpoint(protocol, ipv6));

    public ValueTask DisposeAsync() => Stack.DisposeAsync();
}
