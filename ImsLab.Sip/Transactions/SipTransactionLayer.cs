using System.Collections.Concurrent;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Transactions;

/// <summary>
/// RFC 3261 17: matches what the transport delivers to server and client transactions, creates server transactions
/// for new requests and hands them to the transaction user, answers CANCEL (9.2) and drops strays.
/// </summary>
internal sealed class SipTransactionLayer : ISipInboundSink, IDisposable
{
    private const string ViaTransportUdp = "UDP";
    private const string ViaTransportTcp = "TCP";
    private const int DefaultMaxForwards = 70;

    private readonly ConcurrentDictionary<SipTransactionKey, SipServerTransaction> _server = new();
    private readonly ConcurrentDictionary<string, SipClientTransaction> _client = new(StringComparer.Ordinal);
    private readonly SipTransportLayer _transport;
    private readonly SipMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ISipTransactionUser _user;

    // Sent-by hosts of the transaction keys: the few peers of a real network (P-CSCFs) each send thousands of requests.
    private readonly SipStringPool _hosts = new(4_096);

    public SipTransactionLayer(SipTransportLayer transport, SipTimerOptions timers, TimeProvider time, SipMetrics metrics, ILogger logger, ISipTransactionUser user)
    {
        _transport = transport;
        _metrics = metrics;
        _logger = logger;
        _user = user;
        Timers = timers;
        Time = time;
        Expiries = new SipTransactionExpiryQueue(time, timers.SixtyFourT1, OnDeadline);
    }

    public SipTimerOptions Timers { get; }

    public TimeProvider Time { get; }

    /// <summary>The 64*T1 deadlines of non-INVITE server transactions (the guard and Timer J).</summary>
    internal SipTransactionExpiryQueue Expiries { get; }

    /// <summary>Server transactions, those completed and waiting for Timer J included.</summary>
    public int ServerTransactionCount => _server.Count + Completed.Count;

    /// <summary>Completed non-INVITE transactions over UDP, kept as their response only (RFC 3261 17.2.2).</summary>
    internal SipCompletedTransactionTable Completed { get; } = new();

    public int ClientTransactionCount => _client.Count;

    /// <summary>Stops the expiry timer; transactions still waiting for a deadline are simply forgotten.</summary>
    public void Dispose() => Expiries.Dispose();

    public void OnMessage(SipInboundMessage inbound)
    {
        switch (inbound.Message)
        {
            case SipRequest request:
                OnRequest(request, inbound);
                break;
            case SipResponse response:
                OnResponse(response, inbound.Flow);
                break;
        }
    }

    /// <summary>
    /// Sends a non-INVITE request in a new client transaction: a top Via with a fresh branch is added for the flow's
    /// local endpoint (RFC 3261 8.1.1.7, 18.1.1, with rport per RFC 3581), and Max-Forwards when missing (8.1.1.6).
    /// </summary>
    public async Task<SipClientResult> SendRequestAsync(SipRequest request, SipFlow flow, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method is SipMethods.Invite or SipMethods.Ack)
        {
            SipStackThrowHelper.ThrowNotNonInvite(nameof(request));
        }

        var branch = SipVia.MagicCookie + SipRandomToken.Next();
        var transport = flow.Transport == SipTransportProtocol.Udp ? ViaTransportUdp : ViaTransportTcp;
        request.Headers.Insert(0, SipHeaderNames.Via, $"SIP/2.0/{transport} {_transport.SentByFor(flow)};branch={branch};rport");
        if (!request.Headers.Contains(SipHeaderNames.MaxForwards))
        {
            request.Headers.Add(SipHeaderNames.MaxForwards, DefaultMaxForwards.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var transaction = new SipClientTransaction(this, request, branch, flow);
        _client[branch] = transaction;
        await transaction.StartAsync(ct).ConfigureAwait(false);
        return await transaction.Completion.ConfigureAwait(false);
    }

    internal ValueTask<SipFlow?> SendAsync(byte[] bytes, SipFlow flow, SipMessage message)
    {
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            SipTransportLog.MessageSent(_logger, flow, SipLogRedactor.Render(message));
        }

        return _transport.SendAsync(bytes, flow, CancellationToken.None);
    }

    internal void Resend(byte[] bytes, SipFlow flow)
    {
        _metrics.Retransmitted();
        _ = _transport.SendAsync(bytes, flow, CancellationToken.None).AsTask();
    }

    internal void Remove(SipServerTransaction transaction) =>
        _server.TryRemove(new KeyValuePair<SipTransactionKey, SipServerTransaction>(transaction.Key, transaction));

    /// <summary>
    /// A non-INVITE transaction over UDP sent its final response: for Timer J only the response is kept. It is in the
    /// completed table before it leaves the live one, so a retransmission always finds one of them. Returns the
    /// Timer J deadline.
    /// </summary>
    internal long Complete(SipServerTransaction transaction, ReadOnlySpan<byte> response, SipFlow? flow)
    {
        var due = Expiries.Add(transaction.Key);
        Completed.Add(transaction.Key, due, response, flow);
        Remove(transaction);
        return due;
    }

    // A deadline of the expiry queue: the guard of a live transaction, or Timer J of a completed one.
    private void OnDeadline(SipTransactionKey key, long due)
    {
        if (_server.TryGetValue(key, out var transaction))
        {
            transaction.OnDeadline(due);
        }
        else
        {
            Completed.Expire(key, due);
        }
    }

    internal void Remove(SipClientTransaction transaction) =>
        _client.TryRemove(new KeyValuePair<string, SipClientTransaction>(transaction.Branch, transaction));

    internal void NoRouteForResponse(SipServerTransaction transaction) =>
        SipTransactionLog.NoRouteForResponse(_logger, transaction.Request.Method, transaction.Flow.Remote);

    internal void NeverAnswered(SipServerTransaction transaction) =>
        SipTransactionLog.NeverAnswered(_logger, transaction.Request.Method);

    internal void AckNeverArrived(SipServerTransaction transaction) =>
        SipTransactionLog.AckNeverArrived(_logger, transaction.Request.CallId);

    private void OnRequest(SipRequest request, SipInboundMessage inbound)
    {
        if (!SipTransactionKey.TryCreate(request, out var key, _hosts))
        {
            _metrics.Dropped(SipDropReason.Unparseable);
            return;
        }

        if (_server.TryGetValue(key, out var existing))
        {
            Absorb(existing, request);
            return;
        }

        // RFC 3261 17.2.2: a retransmission in the Completed state gets the final response again.
        if (Completed.TryGetResponse(key, out var response, out var flow))
        {
            if (response is not null && flow is not null)
            {
                Resend(response, flow);
            }

            return;
        }

        if (request.Method == SipMethods.Ack)
        {
            // RFC 3261 17.2.3: an ACK matching no transaction is for a 2xx, i.e. for a dialog; we keep none.
            _metrics.Dropped(SipDropReason.StrayAck);
            SipTransactionLog.StrayAck(_logger, inbound.Flow.Remote, request.Method);
            return;
        }

        var transaction = new SipServerTransaction(this, key, request, inbound.Flow, inbound.ReceivedAt);
        var winner = _server.GetOrAdd(key, transaction);
        if (!ReferenceEquals(winner, transaction))
        {
            Absorb(winner, request);
            return;
        }

        transaction.Start();
        if (request.Method == SipMethods.Cancel)
        {
            OnCancel(transaction);
            return;
        }

        _user.OnNewServerTransaction(transaction);
    }

    private static void Absorb(SipServerTransaction transaction, SipRequest request)
    {
        if (request.Method == SipMethods.Ack)
        {
            transaction.OnAck();
        }
        else
        {
            transaction.OnRetransmission();
        }
    }

    // RFC 3261 9.2: CANCEL gets 200 whenever it matches a transaction (an INVITE still proceeding then answers 487;
    // any other request is unaffected), 481 otherwise.
    private void OnCancel(SipServerTransaction cancel)
    {
        var found = false;
        foreach (var method in SipMethods.Known)
        {
            if (method is SipMethods.Ack or SipMethods.Cancel
                || !SipTransactionKey.TryCreateCancelled(cancel.Request, method, out var key, _hosts)
                || !TryCancel(key))
            {
                continue;
            }

            found = true;
            break;
        }

        _ = cancel.RespondAsync(cancel.CreateResponse(found ? 200 : 481)).AsTask();
    }

    // True when a transaction has the key; one still proceeding is cancelled (a completed one is unaffected, 9.2).
    private bool TryCancel(SipTransactionKey key)
    {
        if (_server.TryGetValue(key, out var cancelled))
        {
            cancelled.TryCancel();
            return true;
        }

        return Completed.Contains(key);
    }

    private void OnResponse(SipResponse response, SipFlow flow)
    {
        // RFC 3261 17.1.3: branch of the top Via and the CSeq method.
        if (response.TopVia?.Branch is { } branch && _client.TryGetValue(branch, out var transaction)
            && string.Equals(response.CSeq?.Method, transaction.Method, StringComparison.Ordinal))
        {
            transaction.OnResponse(response, flow);
            return;
        }

        // RFC 3261 18.1.2: a response with no transaction is discarded (we are no proxy).
        _metrics.Dropped(SipDropReason.StrayResponse);
        SipTransactionLog.StrayResponse(_logger, flow.Remote, response.StatusCode, response.CSeq?.Method);
    }
}
