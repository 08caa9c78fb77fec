using System.Buffers;
using System.Net;
using System.Net.Sockets;
using ImsLab.Sip.Parsing;
using ImsLab.Sip.Transport;

namespace ImsLab.Tests.Sip.Support;

internal sealed class TcpTestPeer : SipTestPeer
{
    private readonly Socket _socket;
    private readonly List<byte> _pending = [];

    private TcpTestPeer(Socket socket) => _socket = socket;

    public override IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public override SipTransportProtocol Protocol => SipTransportProtocol.Tcp;

    public static async Task<TcpTestPeer> ConnectAsync(IPEndPoint server)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server);
        return new TcpTestPeer(socket);
    }

    /// <summary>A listening loopback socket, the port a SIP UA names in its Contact for requests to come in on.</summary>
    public static Socket Listen()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        return listener;
    }

    /// <summary>The next connection the stack opens to <paramref name="listener"/>.</summary>
    public static async Task<TcpTestPeer> AcceptAsync(Socket listener)
    {
        using var timeout = new CancellationTokenSource(ArrivalTimeout);
        return new TcpTestPeer(await listener.AcceptAsync(timeout.Token));
    }

    public override async Task SendAsync(ReadOnlyMemory<byte> bytes) => await _socket.SendAsync(bytes, SocketFlags.None);

    public override async Task<byte[]> ReceiveRawAsync()
    {
        while (true)
        {
            var sequence = new ReadOnlySequence<byte>(_pending.ToArray());
            var framed = SipStreamFramer.TryFrame(sequence, SipParserLimits.Default, out var consumed, out var frame);
            if (framed == SipFrameResult.Message)
            {
                var message = frame.ToArray();
                _pending.RemoveRange(0, (int)sequence.Slice(0, consumed).Length);
                return message;
            }

            Assert.Equal(SipFrameResult.NeedMoreData, framed);
            var chunk = await ReadChunkAsync();
            Assert.True(chunk.Length > 0, "The stack closed the connection instead of answering.");
            _pending.AddRange(chunk);
        }
    }

    /// <summary>The next octets exactly as they come (e.g. a keep-alive pong); empty when the stack closed the connection.</summary>
    public async Task<byte[]> ReadChunkAsync()
    {
        var buffer = new byte[65535];
        using var timeout = new CancellationTokenSource(ArrivalTimeout);
        var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return buffer.AsSpan(0, read).ToArray();
    }

    /// <summary>Reads until the stack closes the connection; returns everything that came before the end.</summary>
    public async Task<byte[]> ReadUntilClosedAsync()
    {
        var all = new List<byte>(_pending);
        _pending.Clear();
        while (true)
        {
            byte[] chunk;
            try
            {
                chunk = await ReadChunkAsync();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                return [.. all];
            }

            if (chunk.Length == 0)
            {
                return [.. all];
            }

            all.AddRange(chunk);
        }
    }

    /// <summary>Reads until the stack closes the connection; returns the messages that came before the end.</summary>
    public async Task<List<byte[]>> ReadMessagesUntilClosedAsync()
    {
        var rest = new ReadOnlySequence<byte>(await ReadUntilClosedAsync());
        var messages = new List<byte[]>();
        while (SipStreamFramer.TryFrame(rest, SipParserLimits.Default, out var consumed, out var frame) == SipFrameResult.Message)
        {
            messages.Add(frame.ToArray());
            rest = rest.Slice(consumed);
        }

        Assert.Equal(0, rest.Length);
        return messages;
    }

    public override ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
