using ImsLab.Sip;
using ImsLab.Sip.Events;
using ImsLab.Sip.Monitoring;

namespace ImsLab.Api.Sip;

/// <summary>
/// Runs the SIP engine for the life of the host: reloads bindings and subscriptions, listens, and keeps the event log
/// writer draining the registration event bus into the database and the live counters counting it. Registered after
/// the data layer, so the database is migrated before the engine reads from it.
/// </summary>
internal sealed class SipEngineHostedService(ImsLabSipEngine engine, RegistrationEventLogWriter eventLogWriter,
    RegistrationStatistics statistics) : IHostedService
{
    // Never disposed on purpose: it has no timer to release, and WebApplicationFactory may dispose the container
    // before it stops the hosted services.
    private readonly CancellationTokenSource _stopping = new();
    private Task? _eventLog;
    private Task? _statistics;
    private int _stopped;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _eventLog = eventLogWriter.RunAsync(_stopping.Token);
        _statistics = statistics.RunAsync(_stopping.Token);
        await engine.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host may stop twice (WebApplicationFactory disposal after an explicit stop): the second call has nothing to do.
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }
        await engine.StopAsync(cancellationToken).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_eventLog is not null)
        {
            await _eventLog.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        if (_statistics is not null)
        {
            await _statistics.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
