using System.Net;

namespace ImsLab.Sip.Transport;

/// <summary>
/// The UDP peers one receive loop has heard from, so that a datagram from a known peer reuses its <see cref="SipFlow"/>
/// instead of building an IPAddress, an IPEndPoint and a flow for every datagram. Server transactions keep their flow
/// for Timer J (32 s), so these objects were a large part of what the garbage collector carried along under load.
/// Owned by one loop: not thread-safe.
/// </summary>
internal sealed class SipUdpFlowCache
{
    private readonly Dictionary<SocketAddress, SipFlow> _flows = [];
    private readonly IPEndPoint _local;
    private readonly int _capacity;

    public SipUdpFlowCache(IPEndPoint local, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _local = local;
        _capacity = capacity;
    }

    public int Count => _flows.Count;

    /// <summary>The flow for the sender in <paramref name="address"/>, which the caller may overwrite afterwards.</summary>
    public SipFlow Get(SocketAddress address)
    {
        if (_flows.TryGetValue(address, out var flow))
        {
            return flow;
        }

        // Many distinct or spoofed senders must not grow the cache without bound: start again instead.
        if (_flows.Count >= _capacity)
        {
            _flows.Clear();
        }

        flow = new SipFlow(SipTransportProtocol.Udp, _local, (IPEndPoint)_local.Create(address));
        var key = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span[..address.Size].CopyTo(key.Buffer.Span);
        _flows[key] = flow;
        return flow;
    }
}
