using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using ImsLab.Sip.Transactions;
using ImsLab.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImsLab.Benchmarks.Transport;

/// <summary>
/// REGISTERs through the whole stack over loopback UDP (receive loop, parse, Via stamping, server transaction,
/// handler dispatch, response serialization and send), 64 in flight, each answered 401 the way the registrar
/// challenges. One operation is one request answered. Target: 20,000 requests/s on 2 cores.
/// </summary>
[MemoryDiagnoser]
public class SipStackThroughputBenchmarks
{
    private const int Requests = 4000;
    private const int Window = 64;
    private const string BranchMarker = "z9hG4bK0000000000000000";

    private readonly byte[] _receiveBuffer = new byte[65535];
    private SipStack _stack = null!;
    private Socket _client = null!;
    private IPEndPoint _server = null!;
    private byte[] _register = null!;
    private int _branchOffset;
    private long _nextBranch;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var options = new SipStackOptions();
        options.Transport.Listeners.Add(new SipListenerOptions { Protocol = SipTransportProtocol.Udp, Address = IPAddress.Loopback, Port = 0 });
        _stack = new SipStack(options, TimeProvider.System, NullLoggerFactory.Instance);
        _stack.MapMethod("REGISTER", new ChallengingHandler());
        await _stack.StartAsync(CancellationToken.None);
        _server = _stack.BoundEndpoints[0].EndPoint;
        _client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var sentBy = (IPEndPoint)_client.LocalEndPoint!;
        var text = $"REGISTER sip:ims.lab SIP/2.0\r\nVia: SIP/2.0/UDP {sentBy};rport;branch={BranchMarker}\r\nMax-Forwards: 70\r\n"
            + "From: <sip:alice@ims.lab>;tag=4fa3\r\nTo: <sip:alice@ims.lab>\r\nCall-ID: 3c26700857a8@10.0.0.1\r\nCSeq: 1 REGISTER\r\n"
            + "Contact: <sip:alice@10.0.0.1:5060>;+sip.instance=\"<urn:gsma:imei:35209900-176148-1>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";expires=600000\r\n"
            + "Authorization: Digest username=\"alice@ims.lab\",realm=\"ims.lab\",uri=\"sip:ims.lab\",nonce=\"\",response=\"\"\r\n"
            + "Supported: path\r\nExpires: 600000\r\nContent-Length: 0\r\n\r\n";
        _register = Encoding.ASCII.GetBytes(text);
        _branchOffset = text.IndexOf(BranchMarker, StringComparison.Ordinal) + "z9hG4bK".Length;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _stack.DisposeAsync();
    }

    [Benchmark(OperationsPerInvoke = Requests)]
    public async Task RegisterChallengedOverUdp()
    {
        var sent = 0;
        for (; sent < Window; sent++)
        {
            await SendNextAsync();
        }

        for (var received = 0; received < Requests; received++)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _client.ReceiveAsync(_receiveBuffer, SocketFlags.None, timeout.Token);
            if (sent < Requests)
            {
                await SendNextAsync();
                sent++;
            }
        }
    }

    // A fresh branch for every request: each one is a new transaction, as in a registration storm.
    private ValueTask<int> SendNextAsync()
    {
        Utf8Formatter.TryFormat(_nextBranch++, _register.AsSpan(_branchOffset, 16), out _, new System.Buffers.StandardFormat('D', 16));
        return _client.SendToAsync(_register.AsMemory(), SocketFlags.None, _server);
    }

    private sealed class ChallengingHandler : ISipRequestHandler
    {
        public ValueTask HandleAsync(SipServerTransaction transaction, CancellationToken ct) =>
            transaction.RespondAsync(transaction.CreateResponse(401));
    }
}
