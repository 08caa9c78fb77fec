using System.Net;
using ImsLab.Sip.Transport;

namespace ImsLab.Tests.Sip.Transport;

/// <summary>The receive loop's memory of UDP peers: one flow per sender, bounded, and independent of the loop's buffer.</summary>
public sealed class SipUdpFlowCacheTests
{
    private static readonly IPEndPoint Local = new(IPAddress.Loopback, 5060);

    [Fact]
    public void DatagramsFromTheSameSenderShareOneFlow()
    {
        var cache = new SipUdpFlowCache(Local, 16);

        var first = cache.Get(Address("127.0.0.1", 5070));
        var second = cache.Get(Address("127.0.0.1", 5070));

        Assert.Same(first, second);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5070), first.Remote);
        Assert.Equal(Local, first.Local);
        Assert.Equal(SipTransportProtocol.Udp, first.Transport);
    }

    [Fact]
    public void AnotherPortOrAddressIsAnotherFlow()
    {
        var cache = new SipUdpFlowCache(Local, 16);

        var a = cache.Get(Address("127.0.0.1", 5070));
        var b = cache.Get(Address("127.0.0.1", 5071));
        var c = cache.Get(Address("127.0.0.2", 5070));

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5070), a.Remote);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5071), b.Remote);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 5070), c.Remote);
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void TheLoopReusingItsAddressBufferDoesNotChangeARememberedSender()
    {
        var cache = new SipUdpFlowCache(Local, 16);
        var buffer = Address("127.0.0.1", 5070);
        var first = cache.Get(buffer);

        // The receive loop passes one SocketAddress that every receive overwrites.
        Address("127.0.0.9", 6000).Buffer.CopyTo(buffer.Buffer);
        var other = cache.Get(buffer);

        Assert.NotSame(first, other);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("127.0.0.9"), 6000), other.Remote);
        Assert.Same(first, cache.Get(Address("127.0.0.1", 5070)));
    }

    [Fact]
    public void ManyDistinctSendersNeverGrowItBeyondItsCapacity()
    {
        var cache = new SipUdpFlowCache(Local, 8);

        for (var port = 10_000; port < 10_100; port++)
        {
            Assert.Equal(port, cache.Get(Address("127.0.0.1", port)).Remote.Port);
            Assert.InRange(cache.Count, 1, 8);
        }
    }

    private static SocketAddress Address(string ip, int port) => new IPEndPoint(IPAddress.Parse(ip), port).Serialize();
}
