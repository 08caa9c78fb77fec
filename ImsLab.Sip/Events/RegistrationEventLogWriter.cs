using ImsLab.Sip.Subscribers;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Events;

/// <summary>
/// Persists what the <see cref="RegistrationEventBus"/> carries into the <see cref="IRegistrationEventLog"/> in
/// batches: it reads whatever has queued up (up to a batch limit) and appends it in one call. The host runs it for
/// the life of the process.
/// </summary>
public sealed partial class RegistrationEventLogWriter
{
    private readonly RegistrationEventBus _bus;
    private readonly IRegistrationEventLog _log;
    private readonly ILogger<RegistrationEventLogWriter> _logger;
    private readonly int _maxBatch;
    private long _written;
    private long _failed;

    /// <summary>Creates the writer; <see cref="RunAsync"/> starts it.</summary>
    public RegistrationEventLogWriter(RegistrationEventBus bus, IRegistrationEventLog log, ILogger<RegistrationEventLogWriter> logger, int maxBatch = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _bus = bus;
        _log = log;
        _logger = logger;
        _maxBatch = maxBatch;
    }

    /// <summary>Events appended to the log so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Events lost because the log refused their batch.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Subscribes and writes until cancelled; what is queued at cancellation is still written.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var subscriber = _bus.Subscribe(capacity: 65_536);
        var batch = new List<RegistrationEvent>(_maxBatch);
        try
        {
            while (await subscriber.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await DrainAsync(subscriber, batch).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await DrainAsync(subscriber, batch).ConfigureAwait(false);
        }
    }

    private async Task DrainAsync(RegistrationEventSubscriber subscriber, List<RegistrationEvent> batch)
    {
        while (true)
        {
            while (batch.Count < _maxBatch && subscriber.Reader.TryRead(out var registrationEvent))
            {
                batch.Add(registrationEvent);
            }
            if (batch.Count == 0)
            {
                return;
            }
            try
            {
                await _log.AppendAsync(batch, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Add(ref _written, batch.Count);
            }
            catch (Exception exception)
            {
                // The event log is an audit trail, not the registration state: losing a batch must not stop the writer.
                Interlocked.Add(ref _failed, batch.Count);
                LogAppendFailed(_logger, batch.Count, exception);
            }
            batch.Clear();
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Writing {Count} registration events to the event log failed")]
    private static partial void LogAppendFailed(ILogger logger, int count, Exception exception);
}
