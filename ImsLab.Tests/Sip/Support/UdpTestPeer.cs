using System.Net;
using System.Net.Sockets;
using ImsLab.Sip.Transport;

namespace ImsLab.Tests.Sip.Support;

internal sealed class UdpTestPeer : SipTestPeer
{
    private readonly Socket _socket;
    private readonly IPEndPoint _server;

    private UdpTestPeer(Socket socket, IPEndPoint server)
    {
        _socket = socket;
        _server = server;
    }

    public override IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public override SipTransportProtocol Protocol => SipTransportProtocol.Udp;

    /// <summary>A UDP socket on the loopback of <paramref name="server"/>'s family; it never answers on its own.</summary>
    public static UdpTestPeer Create(IPEndPoint server)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0));
        return new UdpTestPeer(socket, server);
    }

    public override async Task SendAsync(ReadOnlyMemory<byte> bytes) => await _socket.SendToAsync(bytes, SocketFlags.None, _server);

    public override async Task<byte[]> ReceiveRawAsync()
    {
        var buffer = new byte[65535];
        using var timeout = new CancellationTokenSource(ArrivalTimeout);
        var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0), timeout.Token);
        return buffer.AsSpan(0, received.ReceivedBytes).ToArray();
    }

    public override ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
