using ImsLab.Sip.Events;
using ImsLab.Sip.Monitoring;
using ImsLab.Sip.Subscribers;
using Microsoft.Extensions.Logging;

namespace ImsLab.Web.Services.Live;

/// <summary>
/// The live registration events of one Blazor circuit (scoped service: one per circuit), in batches of at most one per
/// <see cref="Interval"/>, shared by every component of the circuit that listens. One batcher per circuit, not per
/// component, and one re-render per batch, not per event: a burst of thousands of REGISTERs per second costs a page a
/// few renders, and a circuit that cannot keep up loses its oldest events in the batcher instead of slowing the SIP
/// engine (the bus never waits).
/// </summary>
public sealed partial class CircuitRegistrationFeed : IAsyncDisposable
{
    /// <summary>How often a listening page is updated at most.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly RegistrationEventBus _bus;
    private readonly TimeProvider _time;
    private readonly ILogger<CircuitRegistrationFeed> _logger;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private Func<IReadOnlyList<RegistrationEvent>, Task>[] _listeners = [];
    private RegistrationEventBatcher? _batcher;
    private Task? _pump;

    /// <summary>Creates the feed; nothing is subscribed until the first <see cref="Listen"/>.</summary>
    public CircuitRegistrationFeed(RegistrationEventBus bus, TimeProvider time, ILogger<CircuitRegistrationFeed> logger)
    {
        _bus = bus;
        _time = time;
        _logger = logger;
    }

    /// <summary>Events this circuit lost because it fell behind.</summary>
    public long Dropped => _batcher?.Dropped ?? 0;

    /// <summary>
    /// Calls <paramref name="onBatch"/> with every batch from now on until the returned handle is disposed. Call it once
    /// the component is interactive (OnAfterRender), not while prerendering; <paramref name="onBatch"/> should hand over
    /// to the renderer with InvokeAsync.
    /// </summary>
    public IDisposable Listen(Func<IReadOnlyList<RegistrationEvent>, Task> onBatch)
    {
        ArgumentNullException.ThrowIfNull(onBatch);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            _listeners = [.. _listeners, onBatch];
            if (_batcher is null)
            {
                _batcher = new RegistrationEventBatcher(_bus, _time, Interval);
                _pump = PumpAsync(_batcher, _stopping.Token);
            }
        }
        return new Listener(this, onBatch);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Task? pump;
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }
            _stopping.Cancel();
            pump = _pump;
        }
        if (pump is not null)
        {
            await pump.ConfigureAwait(false);
        }
        _batcher?.Dispose();
        _stopping.Dispose();
    }

    private void Remove(Func<IReadOnlyList<RegistrationEvent>, Task> onBatch)
    {
        lock (_gate)
        {
            _listeners = Array.FindAll(_listeners, l => !ReferenceEquals(l, onBatch));
        }
    }

    private async Task PumpAsync(RegistrationEventBatcher batcher, CancellationToken cancellationToken)
    {
        // Off the caller's (renderer's) synchronization context: batches are handed back through InvokeAsync.
        await Task.Yield();
        try
        {
            await foreach (var batch in batcher.ReadBatchesAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var listener in Volatile.Read(ref _listeners))
                {
                    try
                    {
                        await listener(batch).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        // One page failing to render a batch must not stop the others of the circuit.
                        LogListenerFailed(_logger, exception);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The circuit ended.
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "A dashboard page failed to apply a batch of registration events")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception);

    private sealed class Listener(CircuitRegistrationFeed feed, Func<IReadOnlyList<RegistrationEvent>, Task> onBatch) : IDisposable
    {
        public void Dispose() => feed.Remove(onBatch);
    }
}
