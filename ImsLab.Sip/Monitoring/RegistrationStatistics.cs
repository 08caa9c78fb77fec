using ImsLab.Sip.Events;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Monitoring;

/// <summary>
/// Live counters computed from the registration event bus: registrations per second and per minute, failures by
/// reason. It has its own bus subscription, so counting never slows the registrar; the host runs
/// <see cref="RunAsync"/> for its lifetime. Time buckets follow each event's own timestamp.
/// </summary>
public sealed class RegistrationStatistics : IDisposable
{
    private const int RateWindowSeconds = 5;
    private const int SecondBuckets = 16;
    private const int MinuteBuckets = 60;

    private readonly ImsLabSipEngine _engine;
    private readonly RegistrationEventBus _bus;
    private readonly TimeProvider _time;
    private readonly RegistrationEventSubscriber _subscriber;
    private readonly Lock _gate = new();
    private readonly Bucket[] _seconds = new Bucket[SecondBuckets];
    private readonly Bucket[] _minutes = new Bucket[MinuteBuckets];
    private readonly Dictionary<string, long> _failuresByReason = new(StringComparer.Ordinal);
    private long _failures;

    /// <summary>Subscribes to the bus at once, so no event published after construction is missed.</summary>
    public RegistrationStatistics(ImsLabSipEngine engine, RegistrationEventBus bus, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(time);
        _engine = engine;
        _bus = bus;
        _time = time;
        _subscriber = bus.Subscribe(capacity: 65_536);
    }

    /// <summary>Counts every event from the bus until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _subscriber.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_subscriber.Reader.TryRead(out var registrationEvent))
                {
                    Record(registrationEvent);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    /// <summary>Counts one event (what <see cref="RunAsync"/> does for each event of the bus).</summary>
    public void Record(RegistrationEvent registrationEvent)
    {
        ArgumentNullException.ThrowIfNull(registrationEvent);
        var success = registrationEvent.Type is RegistrationEventType.Registered or RegistrationEventType.Refreshed;
        var failure = registrationEvent.Type == RegistrationEventType.AuthenticationFailed;
        if (!success && !failure)
        {
            return;
        }

        var second = registrationEvent.OccurredAt.ToUnixTimeSeconds();
        var minute = Math.DivRem(second, 60).Quotient;
        lock (_gate)
        {
            ref var secondBucket = ref BucketFor(_seconds, second);
            ref var minuteBucket = ref BucketFor(_minutes, minute);
            if (success)
            {
                secondBucket.Registrations++;
                minuteBucket.Registrations++;
            }
            else
            {
                minuteBucket.Failures++;
                _failures++;
                var reason = FailureReason(registrationEvent.Reason);
                _failuresByReason[reason] = _failuresByReason.GetValueOrDefault(reason) + 1;
            }
        }
    }

    /// <summary>The counters now.</summary>
    public RegistrationCounters Snapshot()
    {
        var now = _time.GetUtcNow();
        var thisSecond = now.ToUnixTimeSeconds();
        var thisMinute = Math.DivRem(thisSecond, 60).Quotient;
        lock (_gate)
        {
            // The current second is still filling up: the rate is over the complete seconds before it.
            long recent = 0;
            for (var second = thisSecond - RateWindowSeconds; second < thisSecond; second++)
            {
                recent += CountIn(_seconds, second).Registrations;
            }

            var perMinute = new MinuteCount[MinuteBuckets];
            for (var i = 0; i < MinuteBuckets; i++)
            {
                var minute = thisMinute - (MinuteBuckets - 1) + i;
                var bucket = CountIn(_minutes, minute);
                perMinute[i] = new MinuteCount(DateTimeOffset.FromUnixTimeSeconds(minute * 60), bucket.Registrations, bucket.Failures);
            }

            return new RegistrationCounters(
                now,
                _engine.RegisteredContacts,
                _engine.RegisteredImplicitSets,
                recent / (double)RateWindowSeconds,
                _failures,
                new Dictionary<string, long>(_failuresByReason, StringComparer.Ordinal),
                perMinute,
                _bus.Published,
                _subscriber.Dropped);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _subscriber.Dispose();

    /// <summary>
    /// The registrar describes a failure as "403 Forbidden (399 host "text")"; the Warning text is what tells failures
    /// apart (RFC 3261 20.43), so it is the key when present, prefixed with the status code.
    /// </summary>
    internal static string FailureReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "unknown";
        }
        var open = reason.IndexOf('"', StringComparison.Ordinal);
        var close = reason.LastIndexOf('"');
        var status = reason.Split(' ', 2)[0];
        return open >= 0 && close > open + 1
            ? status + " " + reason[(open + 1)..close]
            : reason.Split(" (", 2)[0];
    }

    private static ref Bucket BucketFor(Bucket[] buckets, long key)
    {
        ref var bucket = ref buckets[(int)(key % buckets.Length)];
        if (bucket.Key != key)
        {
            bucket = new Bucket { Key = key };
        }
        return ref bucket;
    }

    private static Bucket CountIn(Bucket[] buckets, long key)
    {
        var bucket = buckets[(int)(key % buckets.Length)];
        return bucket.Key == key ? bucket : default;
    }

    private struct Bucket
    {
        public long Key;
        public long Registrations;
        public long Failures;
    }
}
