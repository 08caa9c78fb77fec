using ImsLab.Sip.Messages;
using ImsLab.Sip.Transport;

namespace ImsLab.Sip.Transactions;

/// <summary>
/// A request the stack received and its answer (RFC 3261 17.2). Handlers answer through <see cref="RespondAsync"/>;
/// the transaction re-sends the last response when the request is retransmitted and keeps the timers of 17.2.1/17.2.2.
/// </summary>
public sealed class SipServerTransaction
{
    private readonly object _gate = new();
    private readonly SipTransactionLayer _layer;
    private SipFlow? _responseFlow;
    private SipServerTransactionState _state;
    private byte[]? _lastResponse;
    private int _finalStatusCode;
    private string? _toTag;
    // INVITE transactions only (Timers G, H and I); a non-INVITE one's 64*T1 deadline waits in the layer's expiry queue.
    private ITimer? _timer;
    private ITimer? _retransmitTimer;
    private long _deadline;
    private TimeSpan _retransmitInterval;
    private SipRequest? _request;
    // The Timer J deadline of a non-INVITE transaction over UDP handed to the layer's completed table, or 0.
    private long _completedDue;

    internal SipServerTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipFlow flow, DateTimeOffset receivedAt)
    {
        _layer = layer;
        Key = key;
        _request = request;
        Flow = flow;
        ReceivedAt = receivedAt;
        IsInvite = request.Method == SipMethods.Invite;
        _state = IsInvite ? SipServerTransactionState.Proceeding : SipServerTransactionState.Trying;
        _responseFlow = request.TopVia is { } via ? SipResponseRouting.Resolve(via, flow) : null;
    }

    /// <summary>
    /// The request that created the transaction (its top Via carries received/rport). Available until the party that
    /// answered a non-INVITE transaction says it is done with it (see <see cref="ReleaseRequest"/>).
    /// </summary>
    public SipRequest Request => _request ?? throw new InvalidOperationException(
        "The request of a completed transaction is released; keep a reference to it in the handler if it is needed later.");

    /// <summary>The flow the request arrived on: keep it to send later requests (e.g. NOTIFY) back through a NAT.</summary>
    public SipFlow Flow { get; }

    /// <summary>When the transport read the request.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The current RFC 3261 state.</summary>
    public SipServerTransactionState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>The status code of the final response sent, or 0 while none has been.</summary>
    public int FinalStatusCode => Volatile.Read(ref _finalStatusCode);

    internal SipTransactionKey Key { get; }

    /// <summary>
    /// RFC 3261 17.2.2: a completed non-INVITE transaction lives on for Timer J (32 s over UDP) only to re-send its
    /// last response. Keeping the parsed request (its copy of the datagram, header table and parsed values) alive
    /// that long moved some 200,000 requests at 4,000 registrations/s into the oldest GC generation, and the garbage
    /// collector's pauses set the latency; the response octets are all the absorbing needs. Only the one who answered
    /// knows it will not read the request again, so the REGISTER handler and the stack's own answers call this; a
    /// handler that hands the transaction on to be answered later never does.
    /// </summary>
    internal void ReleaseRequest()
    {
        lock (_gate)
        {
            if (!IsInvite && _finalStatusCode != 0)
            {
                _request = null;
            }
        }
    }

    internal bool IsInvite { get; }

    /// <summary>
    /// A response to <see cref="Request"/> (RFC 3261 8.2.6.2: Via, From, To, Call-ID and CSeq copied) with this
    /// transaction's To tag unless the status is 100 or the request already had one.
    /// </summary>
    public SipResponse CreateResponse(int statusCode, string? reasonPhrase = null)
    {
        var response = SipResponse.CreateFor(Request, statusCode, reasonPhrase);
        EnsureToTag(response);
        return response;
    }

    /// <summary>
    /// Sends a provisional or final response. A To tag is added to a final (non-100) response that lacks one. After the
    /// final response further responses are ignored (a CANCEL or timeout may have answered first).
    /// </summary>
    public async ValueTask RespondAsync(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        EnsureToTag(response);
        var bytes = response.WireBytes();
        SipFlow? target;
        lock (_gate)
        {
            if (!Accept(response.StatusCode, bytes))
            {
                return;
            }

            target = _responseFlow;
        }

        if (target is null)
        {
            _layer.NoRouteForResponse(this);
            return;
        }

        var used = await _layer.SendAsync(bytes, target, response).ConfigureAwait(false);
        if (used is null)
        {
            // RFC 3261 17.2.4: a transport failure for a response terminates the transaction.
            Terminate();
            return;
        }

        lock (_gate)
        {
            // A TCP response that had to open a new connection: later ones follow it.
            _responseFlow = used;
            if (_state == SipServerTransactionState.Terminated)
            {
                return;
            }
        }

        if (response.StatusCode >= 200 && IsInvite && response.StatusCode < 300)
        {
            // RFC 3261 17.2.1: a 2xx ends the INVITE server transaction; its retransmission belongs to the TU.
            Terminate();
        }
    }

    // Every response of the transaction carries the same tag, generated when the first one needs it.
    private void EnsureToTag(SipResponse response)
    {
        if (!SipToTag.IsMissing(response))
        {
            return;
        }

        string tag;
        lock (_gate)
        {
            tag = _toTag ??= SipRandomToken.Next();
        }

        SipToTag.Add(response, tag);
    }

    // Under _gate. The state change of 17.2.1/17.2.2 for a response from the TU; false when it must not be sent.
    private bool Accept(int statusCode, byte[] bytes)
    {
        if (_state is not (SipServerTransactionState.Trying or SipServerTransactionState.Proceeding))
        {
            return false;
        }

        _lastResponse = bytes;
        if (statusCode < 200)
        {
            _state = SipServerTransactionState.Proceeding;
            return true;
        }

        _finalStatusCode = statusCode;
        if (IsInvite && statusCode < 300)
        {
            return true;
        }

        // No response follows a final one in a non-INVITE transaction: the tag need not live on for Timer J.
        if (!IsInvite)
        {
            _toTag = null;
        }

        _state = SipServerTransactionState.Completed;
        var timers = _layer.Timers;
        var reliable = Flow.IsReliable;
        if (IsInvite)
        {
            // Timer G retransmits the failure response over UDP until the ACK; Timer H gives up on the ACK.
            if (!reliable)
            {
                _retransmitInterval = timers.T1;
                _retransmitTimer = _layer.Time.CreateTimer(static s => ((SipServerTransaction)s!).OnTimerG(), this, _retransmitInterval, Timeout.InfiniteTimeSpan);
            }

            Schedule(timers.SixtyFourT1);
        }
        else if (reliable)
        {
            // Timer J is zero over reliable transports.
            Schedule(timers.TimerJ(reliable));
        }
        else
        {
            // Timer J: from here on only the response is kept, by the layer; this object is left to its handler.
            _lastResponse = null;
            _completedDue = _layer.Complete(this, bytes, _responseFlow);
        }

        return true;
    }

    /// <summary>Arms the guard that frees a non-INVITE transaction its handler never answered (the client gave up after Timer F).</summary>
    internal void Start()
    {
        if (!IsInvite)
        {
            lock (_gate)
            {
                Schedule(_layer.Timers.SixtyFourT1);
            }
        }
    }

    /// <summary>RFC 3261 17.2.1/17.2.2: a retransmitted request is absorbed and the last response, if any, sent again.</summary>
    internal void OnRetransmission()
    {
        byte[]? resend;
        SipFlow? target;
        lock (_gate)
        {
            resend = _state is SipServerTransactionState.Proceeding or SipServerTransactionState.Completed ? _lastResponse : null;
            target = _responseFlow;
        }

        if (resend is not null && target is not null)
        {
            _layer.Resend(resend, target);
        }
    }

    /// <summary>RFC 3261 17.2.1: the ACK for a failure response moves Completed to Confirmed; Timer I then absorbs ACK retransmissions.</summary>
    internal void OnAck()
    {
        lock (_gate)
        {
            if (!IsInvite || _state != SipServerTransactionState.Completed)
            {
                return;
            }

            _state = SipServerTransactionState.Confirmed;
            _retransmitTimer?.Dispose();
            _retransmitTimer = null;
            Schedule(_layer.Timers.TimerI(Flow.IsReliable));
        }
    }

    /// <summary>RFC 3261 9.2: a CANCEL for an INVITE not yet answered finally makes it answer 487.</summary>
    internal bool TryCancel()
    {
        if (!IsInvite || State != SipServerTransactionState.Proceeding)
        {
            return false;
        }

        _ = RespondAsync(CreateResponse(487)).AsTask();
        return true;
    }

    /// <summary>Ends the transaction: timers stop and it leaves the transaction table.</summary>
    internal void Terminate()
    {
        lock (_gate)
        {
            if (_state == SipServerTransactionState.Terminated)
            {
                return;
            }

            _state = SipServerTransactionState.Terminated;
            _timer?.Dispose();
            _retransmitTimer?.Dispose();
            _timer = null;
            _retransmitTimer = null;
        }

        _layer.Remove(this);
        if (_completedDue != 0)
        {
            // RFC 3261 17.2.4: the response could not be sent; nothing is left to re-send.
            _layer.Completed.Expire(Key, _completedDue);
        }
    }

    // Under _gate. One deadline at a time serves the whole life of the transaction; what it means depends on the state.
    private void Schedule(TimeSpan due)
    {
        if (due <= TimeSpan.Zero)
        {
            // Timers J and I are zero over reliable transports: terminate now, outside the lock.
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _deadline = 0;
            ThreadPool.UnsafeQueueUserWorkItem(static tx => tx.Terminate(), this, preferLocal: true);
            return;
        }

        if (!IsInvite)
        {
            // The guard and Timer J are both 64*T1: the queue's single delay. A later deadline supersedes an earlier one.
            System.Diagnostics.Debug.Assert(due == _layer.Expiries.Delay, "non-INVITE deadlines are 64*T1");
            _deadline = _layer.Expiries.Add(Key);
            return;
        }

        if (_timer is null)
        {
            _timer = _layer.Time.CreateTimer(static s => ((SipServerTransaction)s!).OnTimer(), this, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The expiry queue reached a deadline set for this transaction; one it has since replaced is ignored.</summary>
    internal void OnDeadline(long due)
    {
        lock (_gate)
        {
            if (due != _deadline || _state == SipServerTransactionState.Terminated)
            {
                return;
            }
        }

        OnTimer();
    }

    private void OnTimer()
    {
        switch (State)
        {
            case SipServerTransactionState.Trying or SipServerTransactionState.Proceeding when !IsInvite:
                // No final response within 64*T1: the client's Timer F has fired, nobody waits for an answer any more.
                _layer.NeverAnswered(this);
                break;
            case SipServerTransactionState.Completed when IsInvite:
                // Timer H: the ACK never came.
                _layer.AckNeverArrived(this);
                break;
        }

        // Timer J (Completed, non-INVITE) and Timer I (Confirmed) simply end the transaction.
        Terminate();
    }

    private void OnTimerG()
    {
        byte[]? resend;
        SipFlow? target;
        lock (_gate)
        {
            if (_state != SipServerTransactionState.Completed || _retransmitTimer is null)
            {
                return;
            }

            resend = _lastResponse;
            target = _responseFlow;
            _retransmitInterval = _layer.Timers.NextRetransmitInterval(_retransmitInterval);
            _retransmitTimer.Change(_retransmitInterval, Timeout.InfiniteTimeSpan);
        }

        if (resend is not null && target is not null)
        {
            _layer.Resend(resend, target);
        }
    }
}
