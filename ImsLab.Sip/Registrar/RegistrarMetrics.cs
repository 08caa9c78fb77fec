using System.Diagnostics.Metrics;

namespace ImsLab.Sip.Registrar;

/// <summary>The registrar's instruments on the "ImsLab.Sip" meter.</summary>
internal sealed class RegistrarMetrics : IDisposable
{
    public const string MeterName = "ImsLab.Sip";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _registrations;
    private readonly Counter<long> _challenges;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _notifiesSent;
    private readonly Counter<long> _notifiesFailed;
    private readonly Counter<long> _commitFailures;
    private readonly Histogram<double> _registerDuration;
    private readonly Histogram<double> _commitDuration;
    private readonly Histogram<int> _commitBatchSize;
    private Func<long>? _registeredContacts;

    public RegistrarMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _registrations = _meter.CreateCounter<long>("imslab.sip.registrations", "{registration}",
            "REGISTERs answered 200 OK, by kind (initial, refresh, deregistration)");
        _challenges = _meter.CreateCounter<long>("imslab.sip.challenges", "{challenge}", "401 challenges sent, by scheme");
        _failures = _meter.CreateCounter<long>("imslab.sip.registration_failures", "{failure}", "Refused REGISTERs, by reason");
        _notifiesSent = _meter.CreateCounter<long>("imslab.sip.notifies_sent", "{notify}", "reg-event NOTIFYs answered 2xx");
        _notifiesFailed = _meter.CreateCounter<long>("imslab.sip.notifies_failed", "{notify}", "reg-event NOTIFYs that failed");
        _commitFailures = _meter.CreateCounter<long>("imslab.sip.binding_commit_failures", "{batch}", "Failed binding batches");
        _registerDuration = _meter.CreateHistogram<double>("imslab.sip.register.duration", "ms",
            "Time from REGISTER received to its final response");
        _commitDuration = _meter.CreateHistogram<double>("imslab.sip.binding_commit.duration", "ms", "Group commit duration");
        _commitBatchSize = _meter.CreateHistogram<int>("imslab.sip.binding_commit.size", "{change}", "Changes per group commit");
        _meter.CreateObservableGauge("imslab.sip.registered_contacts", () => _registeredContacts?.Invoke() ?? 0, "{contact}",
            "Contacts currently registered");
    }

    public void ObserveRegisteredContacts(Func<long> count) => _registeredContacts = count;

    public void Registered(string kind) => _registrations.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Challenged(string scheme) => _challenges.Add(1, new KeyValuePair<string, object?>("scheme", scheme));

    public void Failed(string reason) => _failures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void NotifySent() => _notifiesSent.Add(1);

    public void NotifyFailed(string reason) => _notifiesFailed.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void CommitFailed() => _commitFailures.Add(1);

    public void RecordRegister(TimeSpan duration) => _registerDuration.Record(duration.TotalMilliseconds);

    public void RecordCommit(int changes, TimeSpan duration)
    {
        _commitDuration.Record(duration.TotalMilliseconds);
        _commitBatchSize.Record(changes);
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
