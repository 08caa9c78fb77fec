using ImsLab.Sip;
using ImsLab.Sip.Events;

namespace ImsLab.Api.Sip;

/// <summary>
/// Runs the SIP engine for the life of the host: reloads bindings and subscriptions, listens, and keeps the event log
/// writer draining the registration event bus into the database. Registered after the data layer, so the database
/// is migrated before the engine reads from it.
/// </summary>
internal sealed class SipEngineHostedService(ImsLabSipEngine engine, RegistrationEventLogWriter eventLogWriter) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _eventLog;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _eventLog = eventLogWriter.RunAsync(_stopping.Token);
        await engine.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await engine.StopAsync(cancellationToken).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_eventLog is not null)
        {
            await _eventLog.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        _stopping.Dispose();
    }
}
