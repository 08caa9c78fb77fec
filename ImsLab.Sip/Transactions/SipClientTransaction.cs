using ImsLab.Sip.Messages;
using ImsLab.Sip.Transport;

namespace ImsLab.Sip.Transactions;

/// <summary>
/// A non-INVITE request we sent (RFC 3261 17.1.2), e.g. a NOTIFY: Timer E retransmits over UDP (T1 doubling to T2),
/// Timer F (64*T1) gives up, Timer K absorbs response retransmissions after the final response.
/// </summary>
internal sealed class SipClientTransaction
{
    private readonly object _gate = new();
    private readonly SipTransactionLayer _layer;
    private readonly byte[] _bytes;
    private readonly TaskCompletionSource<SipClientResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SipFlow _flow;
    private SipClientTransactionState _state = SipClientTransactionState.Trying;
    private ITimer? _timerE;
    private ITimer? _timerF;
    private ITimer? _timerK;
    private TimeSpan _intervalE;
    private CancellationTokenRegistration _cancellation;

    public SipClientTransaction(SipTransactionLayer layer, SipRequest request, string branch, SipFlow flow)
    {
        _layer = layer;
        _bytes = request.WireBytes();
        _flow = flow;
        Request = request;
        Branch = branch;
        Method = request.Method;
    }

    public SipRequest Request { get; }

    public string Branch { get; }

    public string Method { get; }

    public Task<SipClientResult> Completion => _completion.Task;

    public async Task StartAsync(CancellationToken ct)
    {
        var timers = _layer.Timers;
        lock (_gate)
        {
            // RFC 3261 17.1.2.2: Timer E (unreliable only) and Timer F start when the request goes to the transport.
            if (!_flow.IsReliable)
            {
                _intervalE = timers.T1;
                _timerE = _layer.Time.CreateTimer(static s => ((SipClientTransaction)s!).OnTimerE(), this, _intervalE, Timeout.InfiniteTimeSpan);
            }

            _timerF = _layer.Time.CreateTimer(static s => ((SipClientTransaction)s!).OnTimerF(), this, timers.SixtyFourT1, Timeout.InfiniteTimeSpan);
        }

        if (ct.CanBeCanceled)
        {
            var registration = ct.Register(static s => ((SipClientTransaction)s!).Abandon(), this);
            lock (_gate)
            {
                _cancellation = registration;
            }
        }

        if (_completion.Task.IsCompleted)
        {
            return;
        }

        var used = await _layer.SendAsync(_bytes, _flow, Request).ConfigureAwait(false);
        if (used is null)
        {
            // RFC 3261 17.1.4: a transport error ends the transaction.
            Finish(SipClientResult.TransportFailed(null));
            return;
        }

        lock (_gate)
        {
            // For TCP, the connection actually used (perhaps a new one) carries nothing more, but the result names it.
            _flow = used;
        }
    }

    /// <summary>A response matched to this transaction (RFC 3261 17.1.3: branch and CSeq method).</summary>
    public void OnResponse(SipResponse response, SipFlow flow)
    {
        lock (_gate)
        {
            if (_state is SipClientTransactionState.Completed or SipClientTransactionState.Terminated)
            {
                // Retransmitted final responses are absorbed in Completed.
                return;
            }

            if (response.StatusCode < 200)
            {
                _state = SipClientTransactionState.Proceeding;
                return;
            }

            _state = SipClientTransactionState.Completed;
            DisposeTimers();
            var timerK = _layer.Timers.TimerK(_flow.IsReliable);
            if (timerK > TimeSpan.Zero)
            {
                _timerK = _layer.Time.CreateTimer(static s => ((SipClientTransaction)s!).Terminate(), this, timerK, Timeout.InfiniteTimeSpan);
            }
        }

        _completion.TrySetResult(SipClientResult.Responded(response, flow));
        if (_layer.Timers.TimerK(_flow.IsReliable) <= TimeSpan.Zero)
        {
            Terminate();
        }
    }

    // RFC 3261 17.1.2.2: in Trying the interval doubles up to T2; in Proceeding it is T2.
    private void OnTimerE()
    {
        SipFlow flow;
        lock (_gate)
        {
            if (_state is not (SipClientTransactionState.Trying or SipClientTransactionState.Proceeding) || _timerE is null)
            {
                return;
            }

            _intervalE = _state == SipClientTransactionState.Trying ? _layer.Timers.NextRetransmitInterval(_intervalE) : _layer.Timers.T2;
            _timerE.Change(_intervalE, Timeout.InfiniteTimeSpan);
            flow = _flow;
        }

        _layer.Resend(_bytes, flow);
    }

    private void OnTimerF()
    {
        SipFlow flow;
        lock (_gate)
        {
            if (_state is not (SipClientTransactionState.Trying or SipClientTransactionState.Proceeding))
            {
                return;
            }

            flow = _flow;
        }

        Finish(SipClientResult.TimedOut(flow));
    }

    private void Abandon()
    {
        lock (_gate)
        {
            if (_state is not (SipClientTransactionState.Trying or SipClientTransactionState.Proceeding))
            {
                return;
            }
        }

        Terminate();
        _completion.TrySetCanceled();
    }

    private void Finish(SipClientResult result)
    {
        Terminate();
        _completion.TrySetResult(result);
    }

    private void Terminate()
    {
        lock (_gate)
        {
            if (_state == SipClientTransactionState.Terminated)
            {
                return;
            }

            _state = SipClientTransactionState.Terminated;
            DisposeTimers();
            _timerK?.Dispose();
            _timerK = null;
            _cancellation.Unregister();
        }

        _layer.Remove(this);
    }

    // Under _gate.
    private void DisposeTimers()
    {
        _timerE?.Dispose();
        _timerF?.Dispose();
        _timerE = null;
        _timerF = null;
    }
}
