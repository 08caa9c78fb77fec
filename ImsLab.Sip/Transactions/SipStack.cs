using System.Collections.Concurrent;
using System.Net;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Transactions;

/// <summary>
/// The SIP engine the host runs: transports, transactions and the UAS core of RFC 3261 8.2. Requests of a mapped
/// method reach their <see cref="ISipRequestHandler"/> as server transactions; the stack itself answers OPTIONS,
/// CANCEL, Max-Forwards 0, unsupported schemes and extensions, and methods nobody handles.
/// </summary>
public sealed class SipStack : IAsyncDisposable, ISipTransactionUser
{
    private const string OptionTagSeparator = ", ";

    // Methods the stack itself takes part in, whatever is mapped (RFC 3261 20.5: Allow lists what the UA supports).
    private static readonly string[] BuiltInMethods = [SipMethods.Options, SipMethods.Ack, SipMethods.Cancel];

    private readonly ConcurrentDictionary<string, ISipRequestHandler> _handlers = new(StringComparer.Ordinal);
    private readonly SipStackOptions _options;
    private readonly SipMetrics _metrics = new();
    private readonly SipTransportLayer _transport;
    private readonly SipTransactionLayer _transactions;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private volatile string _allow;
    private int _started;
    private int _stopped;

    /// <summary>Builds the stack; nothing is bound until <see cref="StartAsync"/>.</summary>
    public SipStack(SipStackOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options;
        _logger = loggers.CreateLogger<SipStack>();
        _transport = new SipTransportLayer(options.Transport, time, _metrics, loggers.CreateLogger<SipTransportLayer>());
        _transactions = new SipTransactionLayer(_transport, options.Timers, time, _metrics, loggers.CreateLogger<SipTransactionLayer>(), this);
        _allow = string.Join(OptionTagSeparator, BuiltInMethods);
    }

    /// <summary>The listening endpoints as bound (real ports when 0 was configured); empty before start.</summary>
    public IReadOnlyList<SipFlowEndpoint> BoundEndpoints => _transport.BoundEndpoints;

    internal int ServerTransactionCount => _transactions.ServerTransactionCount;

    internal int CompletedTransactionCount => _transactions.Completed.Count;

    internal int ClientTransactionCount => _transactions.ClientTransactionCount;

    internal int OpenConnectionCount => _transport.OpenConnectionCount;

    internal System.Diagnostics.Metrics.Meter Meter => _metrics.Meter;

    /// <summary>Routes every new request of <paramref name="method"/> (case-sensitive, e.g. "REGISTER") to <paramref name="handler"/>.</summary>
    public void MapMethod(string method, ISipRequestHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(handler);
        if (method is SipMethods.Ack or SipMethods.Cancel)
        {
            SipStackThrowHelper.ThrowNotMappable(method, nameof(method));
        }

        _handlers[method] = handler;
        _allow = string.Join(OptionTagSeparator, BuiltInMethods.Concat(_handlers.Keys.Where(m => m != SipMethods.Options).Order(StringComparer.Ordinal)));
    }

    /// <summary>Binds every listener and starts receiving. Throws if a listener cannot be bound.</summary>
    public Task StartAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            SipStackThrowHelper.ThrowAlreadyStarted();
        }

        _transport.Start(_transactions);
        return Task.CompletedTask;
    }

    /// <summary>Closes every socket and connection; handlers see their token cancelled.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _transport.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a non-INVITE request (e.g. NOTIFY) in a client transaction through <paramref name="flow"/> — for a flow a
    /// request arrived on, back through the same UDP socket or TCP connection. A top Via with a fresh z9hG4bK branch is
    /// added (and Max-Forwards: 70 when missing), so pass a request built for this one sending: a retry (e.g. with
    /// credentials) is a new request with a new CSeq. Completes with the final response, a timeout or a transport error.
    /// </summary>
    public Task<SipClientResult> SendRequestAsync(SipRequest request, SipFlow flow, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return _transactions.SendRequestAsync(request, flow, ct);
    }

    /// <summary>Sends a non-INVITE request to <paramref name="remote"/> from our listener of that transport and address family.</summary>
    public Task<SipClientResult> SendRequestAsync(SipRequest request, SipTransportProtocol transport, IPEndPoint remote, CancellationToken ct) =>
        SendRequestAsync(request, CreateFlow(transport, remote), ct);

    /// <summary>True when <paramref name="flow"/> can still carry a message as it is (UDP, or a TCP connection that is open).</summary>
    public bool IsFlowOpen(SipFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return _transport.IsFlowOpen(flow);
    }

    /// <summary>A flow to <paramref name="remote"/> leaving from our listener of that transport and address family.</summary>
    public SipFlow CreateFlow(SipTransportProtocol transport, IPEndPoint remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        return _transport.FlowTo(transport, remote);
    }

    void ISipTransactionUser.OnNewServerTransaction(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        var isOptions = request.Method == SipMethods.Options;

        // RFC 3261 16.3 item 2: Max-Forwards 0 stops a request; OPTIONS may be answered by its final recipient (11).
        if (request.MaxForwards == 0 && !isOptions)
        {
            Answer(transaction, transaction.CreateResponse(483));
            return;
        }

        // RFC 3261 8.2.1: a method we know but do not serve gets 405 with Allow; one we do not know gets 501 (21.5.2).
        _handlers.TryGetValue(request.Method, out var handler);
        if (handler is null && !isOptions)
        {
            var refusal = transaction.CreateResponse(SipMethods.Known.Contains(request.Method) ? 405 : 501);
            refusal.Headers.Add(SipHeaderNames.Allow, _allow);
            Answer(transaction, refusal);
            return;
        }

        // RFC 3261 8.2.2.1: a Request-URI scheme we do not understand gets 416.
        if (request.RequestUri.Scheme is not ("sip" or "sips" or "tel"))
        {
            Answer(transaction, transaction.CreateResponse(416));
            return;
        }

        // RFC 3261 8.2.2.3: option tags in Require we do not support get 420 listing them in Unsupported.
        if (UnsupportedRequirements(request) is { } unsupported)
        {
            var badExtension = transaction.CreateResponse(420);
            badExtension.Headers.Add(SipHeaderNames.Unsupported, unsupported);
            Answer(transaction, badExtension);
            return;
        }

        if (handler is null)
        {
            // RFC 3261 11.2: OPTIONS is answered as an INVITE would be, with Allow and Supported.
            var capabilities = transaction.CreateResponse(200);
            capabilities.Headers.Add(SipHeaderNames.Allow, _allow);
            capabilities.Headers.Add(SipHeaderNames.Supported, string.Join(OptionTagSeparator, _options.SupportedOptionTags));
            Answer(transaction, capabilities);
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static work => _ = work.Stack.RunHandlerAsync(work.Handler, work.Transaction),
            (Stack: this, Handler: handler, Transaction: transaction), preferLocal: false);
    }

    private string? UnsupportedRequirements(SipRequest request)
    {
        if (!request.Headers.Contains(SipHeaderNames.Require))
        {
            return null;
        }

        var unsupported = SipGrammar.SplitAll(request.Headers.GetAll(SipHeaderNames.Require))
            .Where(tag => tag.Length > 0 && !_options.SupportedOptionTags.Contains(tag) && !_options.ToleratedRequireOptionTags.Contains(tag))
            .ToList();
        return unsupported.Count == 0 ? null : string.Join(OptionTagSeparator, unsupported);
    }

    private async Task RunHandlerAsync(ISipRequestHandler handler, SipServerTransaction transaction)
    {
        try
        {
            if (transaction.IsInvite)
            {
                // RFC 3261 17.2.1: the handler may take longer than 200 ms, so stop INVITE retransmissions with 100.
                await transaction.RespondAsync(transaction.CreateResponse(100)).ConfigureAwait(false);
            }

            await handler.HandleAsync(transaction, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            SipTransactionLog.HandlerFailed(_logger, transaction.Request.Method, e);
            if (transaction.FinalStatusCode == 0)
            {
                await transaction.RespondAsync(transaction.CreateResponse(500)).ConfigureAwait(false);
            }
        }
    }

    private static void Answer(SipServerTransaction transaction, SipResponse response)
    {
        var sending = transaction.RespondAsync(response);
        if (!sending.IsCompletedSuccessfully)
        {
            _ = sending.AsTask();
        }
        // The stack is the whole transaction user here (OPTIONS keep-alives, 405, 483 ...): nothing reads the request again.
        transaction.ReleaseRequest();
    }

    /// <summary>Stops the stack if running and releases its meter.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _transactions.Dispose();
        _stopping.Dispose();
        _metrics.Dispose();
    }
}
