using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using ImsLab.Sip.Parsing;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Transport;

/// <summary>
/// One TCP connection, accepted or opened by us: a read loop that cuts the stream into messages (RFC 3261 18.3) and a
/// write loop fed by a queue, so senders never wait on each other or on the socket.
/// </summary>
internal sealed class SipTcpConnection
{
    // RFC 5626 4.4.1: a CRLFCRLF ping is answered with a single CRLF pong.
    private static readonly byte[] KeepAlivePong = "\r\n"u8.ToArray();
    private const int StillOpen = -1;

    private readonly Socket _socket;
    private readonly SipTransportOptions _options;
    private readonly SipMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Channel<ReadOnlyMemory<byte>> _outbound =
        Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly PipeReader _reader;
    private readonly ITimer _idleTimer;
    private int _closeReason = StillOpen;

    public SipTcpConnection(long id, Socket socket, SipTransportOptions options, TimeProvider time, SipMetrics metrics, ILogger logger)
    {
        _socket = socket;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        Id = id;
        Flow = new SipFlow(SipTransportProtocol.Tcp, Unmapped((IPEndPoint)socket.LocalEndPoint!), Unmapped((IPEndPoint)socket.RemoteEndPoint!), id);
        _reader = PipeReader.Create(new NetworkStream(socket, ownsSocket: false), new StreamPipeReaderOptions(bufferSize: 8192, minimumReadSize: 2048));
        _idleTimer = time.CreateTimer(static state => ((SipTcpConnection)state!).Close(SipConnectionCloseReason.IdleTimeout),
            this, options.TcpIdleTimeout, Timeout.InfiniteTimeSpan);
    }

    public long Id { get; }

    public SipFlow Flow { get; }

    public bool IsOpen => Volatile.Read(ref _closeReason) == StillOpen;

    /// <summary>Reads and writes until either side ends; returns once the socket is closed.</summary>
    public async Task RunAsync(SipInboundProcessor inbound)
    {
        var writing = WriteLoopAsync();
        try
        {
            await ReadLoopAsync(inbound).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            Close(SipConnectionCloseReason.SocketError);
        }
        catch (Exception e)
        {
            // The parser never throws for bad input; this keeps a bug above it from leaving the connection half alive.
            SipTransportLog.ConnectionFailed(_logger, Id, e);
            Close(SipConnectionCloseReason.SocketError);
        }

        _outbound.Writer.TryComplete();
        await writing.ConfigureAwait(false);
        await _idleTimer.DisposeAsync().ConfigureAwait(false);
        await _reader.CompleteAsync().ConfigureAwait(false);
        _socket.Dispose();
        SipTransportLog.ConnectionClosed(_logger, Id, Flow.Remote, IsOpen ? SipConnectionCloseReason.ClosedByPeer : (SipConnectionCloseReason)_closeReason);
    }

    /// <summary>Queues a message; false when the connection is closing and the caller must find another way.</summary>
    public bool TrySend(ReadOnlyMemory<byte> message) => IsOpen && _outbound.Writer.TryWrite(message);

    /// <summary>Ends the connection: what is queued is still written, then the socket closes.</summary>
    public void Close(SipConnectionCloseReason reason)
    {
        if (Interlocked.CompareExchange(ref _closeReason, (int)reason, StillOpen) != StillOpen)
        {
            return;
        }

        _reader.CancelPendingRead();
        _outbound.Writer.TryComplete();
    }

    private async Task ReadLoopAsync(SipInboundProcessor inbound)
    {
        var limits = _options.ParserLimits;
        while (IsOpen)
        {
            var read = await _reader.ReadAsync().ConfigureAwait(false);
            if (read.IsCanceled || !IsOpen)
            {
                return;
            }

            _idleTimer.Change(_options.TcpIdleTimeout, Timeout.InfiniteTimeSpan);
            var buffer = read.Buffer;
            var keepReading = ProcessFrames(ref buffer, inbound, limits);
            _reader.AdvanceTo(buffer.Start, buffer.End);
            if (!keepReading)
            {
                return;
            }

            if (buffer.Length > _options.MaxTcpConnectionBufferBytes)
            {
                _metrics.Dropped(SipDropReason.ConnectionBufferLimit);
                Close(SipConnectionCloseReason.BufferLimit);
                return;
            }

            if (read.IsCompleted)
            {
                Close(SipConnectionCloseReason.ClosedByPeer);
                return;
            }
        }
    }

    // Returns false when the stream can no longer be framed and the connection must close.
    private bool ProcessFrames(ref ReadOnlySequence<byte> buffer, SipInboundProcessor inbound, SipParserLimits limits)
    {
        while (true)
        {
            var result = SipStreamFramer.TryFrame(buffer, limits, out var consumed, out var frame);
            switch (result)
            {
                case SipFrameResult.NeedMoreData:
                    return true;
                case SipFrameResult.Message:
                    Deliver(frame, inbound);
                    break;
                case SipFrameResult.KeepAlivePing:
                    TrySend(KeepAlivePong);
                    break;
                case SipFrameResult.KeepAlivePong:
                    break;
                case SipFrameResult.TooLarge:
                    _metrics.Dropped(SipDropReason.Framing);
                    Close(SipConnectionCloseReason.MessageTooLarge);
                    return false;
                default:
                    // RFC 4475 3.1.2.3 (ncl): a framing error cannot be recovered on a stream; answer 400 when the
                    // headers allow it, then close.
                    _metrics.Dropped(SipDropReason.Framing);
                    inbound.OnFramingError(ToSpan(frame.IsEmpty ? buffer : frame, out var rented), Flow);
                    Return(rented);
                    Close(SipConnectionCloseReason.MalformedFraming);
                    return false;
            }

            buffer = buffer.Slice(consumed);
        }
    }

    private void Deliver(in ReadOnlySequence<byte> frame, SipInboundProcessor inbound)
    {
        inbound.Process(ToSpan(frame, out var rented), Flow);
        Return(rented);
    }

    private static ReadOnlySpan<byte> ToSpan(in ReadOnlySequence<byte> sequence, out byte[]? rented)
    {
        if (sequence.IsSingleSegment)
        {
            rented = null;
            return sequence.FirstSpan;
        }

        var length = (int)sequence.Length;
        rented = ArrayPool<byte>.Shared.Rent(length);
        sequence.CopyTo(rented);
        return rented.AsSpan(0, length);
    }

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _outbound.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var message))
                {
                    await SendAllAsync(message).ConfigureAwait(false);
                    _metrics.MessageSent(SipTransportProtocol.Tcp);
                }
            }

            // Everything queued before Close is out: let the peer see the end of the stream.
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            SipTransportLog.SendFailed(_logger, Flow.Remote, SipTransportProtocol.Tcp, e.Message);
            Close(SipConnectionCloseReason.SocketError);
        }

        _socket.Close();
    }

    private async ValueTask SendAllAsync(ReadOnlyMemory<byte> message)
    {
        while (!message.IsEmpty)
        {
            var sent = await _socket.SendAsync(message, SocketFlags.None).ConfigureAwait(false);
            message = message[sent..];
        }
    }

    private static IPEndPoint Unmapped(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;
}
