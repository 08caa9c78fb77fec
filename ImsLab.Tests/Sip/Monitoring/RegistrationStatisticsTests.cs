using ImsLab.Sip.Events;
using ImsLab.Sip.Monitoring;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.EndToEnd;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Sip.Monitoring;

public sealed class RegistrationStatisticsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Start);
    private readonly RegistrationEventBus _bus = new();
    private ImsCoreHarness _core = null!;
    private RegistrationStatistics _statistics = null!;

    public async Task InitializeAsync()
    {
        _core = await ImsCoreHarness.StartAsync(ImsCoreHarness.InMemory(), _clock);
        _statistics = new RegistrationStatistics(_core.Engine, _bus, _clock);
    }

    public async Task DisposeAsync()
    {
        _statistics.Dispose();
        await _core.DisposeAsync();
    }

    private static RegistrationEvent Event(RegistrationEventType type, DateTimeOffset at, string? reason = null) => new()
    {
        Id = Guid.CreateVersion7(at),
        OccurredAt = at,
        Type = type,
        Impu = "sip:user1_public1@home1.net",
        Reason = reason,
    };

    [Fact]
    public void TheRateIsOverTheLastFiveCompleteSeconds()
    {
        for (var second = 0; second < 5; second++)
        {
            for (var i = 0; i < 10; i++)
            {
                _statistics.Record(Event(RegistrationEventType.Registered, Start.AddSeconds(second)));
            }
        }
        // The second still filling up does not count yet.
        _statistics.Record(Event(RegistrationEventType.Refreshed, Start.AddSeconds(5)));

        _clock.Advance(TimeSpan.FromSeconds(5.5));

        Assert.Equal(10.0, _statistics.Snapshot().RegistrationsPerSecond);
    }

    [Fact]
    public void OldSecondsLeaveTheRate()
    {
        _statistics.Record(Event(RegistrationEventType.Registered, Start));

        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(0.0, _statistics.Snapshot().RegistrationsPerSecond);
    }

    [Fact]
    public void TheLastHourIsListedMinuteByMinuteOldestFirst()
    {
        _statistics.Record(Event(RegistrationEventType.Registered, Start));
        _statistics.Record(Event(RegistrationEventType.Registered, Start.AddMinutes(2)));
        _statistics.Record(Event(RegistrationEventType.AuthenticationFailed, Start.AddMinutes(2), "403 Forbidden"));

        _clock.Advance(TimeSpan.FromMinutes(2));
        var minutes = _statistics.Snapshot().RegistrationsPerMinute;

        Assert.Equal(60, minutes.Count);
        Assert.Equal(Start.AddMinutes(2), minutes[^1].Minute);
        Assert.Equal((1, 1), (minutes[^1].Registrations, minutes[^1].Failures));
        Assert.Equal((1, 0), (minutes[^3].Registrations, minutes[^3].Failures));
        Assert.Equal(0, minutes[0].Registrations);
    }

    [Fact]
    public void FailuresAreCountedByTheWarningTextTheRegistrarGave()
    {
        _statistics.Record(Event(RegistrationEventType.AuthenticationFailed, Start, "403 Forbidden (399 home1.net \"Wrong response\")"));
        _statistics.Record(Event(RegistrationEventType.AuthenticationFailed, Start, "403 Forbidden (399 home1.net \"Wrong response\")"));
        _statistics.Record(Event(RegistrationEventType.AuthenticationFailed, Start, "404 Not Found"));
        _statistics.Record(Event(RegistrationEventType.Challenged, Start, "401 Unauthorized"));

        var counters = _statistics.Snapshot();

        Assert.Equal(3, counters.AuthenticationFailures);
        Assert.Equal(2, counters.AuthenticationFailuresByReason["403 Wrong response"]);
        Assert.Equal(1, counters.AuthenticationFailuresByReason["404 Not Found"]);
    }

    [Fact]
    public async Task RunningItCountsWhatTheBusCarries()
    {
        using var stop = new CancellationTokenSource();
        var running = _statistics.RunAsync(stop.Token);

        _bus.Publish(Event(RegistrationEventType.AuthenticationFailed, Start, "404 Not Found"));
        await RegistrationEndToEndTests.WaitUntilAsync(() => _statistics.Snapshot().AuthenticationFailures == 1);
        await stop.CancelAsync();
        await running;

        Assert.Equal(1, _statistics.Snapshot().EventsPublished);
    }

    [Fact]
    public async Task RegisteredContactsAndSetsComeFromTheRegistrar()
    {
        await using var ue = await RawUe.ConnectAsync(_core, ImsLab.Sip.Transport.SipTransportProtocol.Udp);
        Assert.Equal(200, (await ue.RegisterWithAkaAsync()).StatusCode);

        var counters = _statistics.Snapshot();

        Assert.Equal(1, counters.RegisteredContacts);
        Assert.Equal(1, counters.RegisteredImpus);
    }
}
