using System.Runtime.CompilerServices;
using ImsLab.Sip.Events;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Monitoring;

/// <summary>
/// Turns the registration event bus into batches for one live consumer (a SignalR broadcaster, an SSE stream, a
/// dashboard circuit): at most one batch per interval, sooner when a batch is full. Under a registration storm a
/// consumer thus redraws or sends a few times a second instead of once per event, and one that still falls behind
/// loses its oldest events (counted in <see cref="Dropped"/>); the SIP engine never waits for it.
/// </summary>
public sealed class RegistrationEventBatcher : IDisposable
{
    private readonly RegistrationEventSubscriber _subscriber;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly int _maxBatch;

    /// <summary>Subscribes to the bus at once; events published from now on are batched.</summary>
    public RegistrationEventBatcher(RegistrationEventBus bus, TimeProvider time, TimeSpan interval, int maxBatch = 500, int capacity = 8192)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _time = time;
        _interval = interval;
        _maxBatch = maxBatch;
        _subscriber = bus.Subscribe(capacity);
    }

    /// <summary>Events lost because this consumer fell behind.</summary>
    public long Dropped => _subscriber.Dropped;

    /// <summary>
    /// The batches, until cancelled or disposed. A batch starts with the first event after a quiet spell and is
    /// handed out one interval later (or as soon as it holds the maximum), so an isolated event waits at most one
    /// interval and quiet intervals yield nothing.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<RegistrationEvent>> ReadBatchesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var reader = _subscriber.Reader;
        while (await WaitAsync(reader.WaitToReadAsync(ct)).ConfigureAwait(false))
        {
            var batch = new List<RegistrationEvent>(Math.Min(_maxBatch, 64));
            Drain(batch);
            if (batch.Count < _maxBatch && _interval > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(_interval, _time, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    yield break;
                }
                Drain(batch);
            }
            yield return batch;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _subscriber.Dispose();

    private void Drain(List<RegistrationEvent> batch)
    {
        while (batch.Count < _maxBatch && _subscriber.Reader.TryRead(out var registrationEvent))
        {
            batch.Add(registrationEvent);
        }
    }

    private static async Task<bool> WaitAsync(ValueTask<bool> wait)
    {
        try
        {
            return await wait.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
