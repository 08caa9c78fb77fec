using ImsLab.Sip.Registrar;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Sip.Registrar;

public sealed class ExpirySchedulerTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly List<ScheduledExpiry> _fired = [];

    private ExpiryScheduler Create() => new(_time, due => { lock (_fired) _fired.AddRange(due); });

    private ScheduledExpiry In(int seconds, string impu = "sip:a@ims.lab") =>
        new(impu, Guid.NewGuid(), _time.GetUtcNow().AddSeconds(seconds));

    [Fact]
    public void BindingFiresWhenItsTimeComesAndNotBefore()
    {
        using var scheduler = Create();
        var expiry = In(60);
        scheduler.Schedule(expiry);

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(_fired);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([expiry], _fired);
    }

    [Fact]
    public void BindingsFireInDueOrderWhateverTheOrderTheyWereScheduledIn()
    {
        using var scheduler = Create();
        var late = In(300);
        var early = In(10);
        var middle = In(100);
        scheduler.Schedule(late);
        scheduler.Schedule(early);
        scheduler.Schedule(middle);

        _time.Advance(TimeSpan.FromSeconds(400));

        Assert.Equal([early, middle, late], _fired);
    }

    [Fact]
    public void AnEarlierBindingRearmsTheSingleTimer()
    {
        using var scheduler = Create();
        scheduler.Schedule(In(1000));
        var soon = In(5);
        scheduler.Schedule(soon);

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal([soon], _fired);
        Assert.Equal(1, _time.ActiveTimerCount);
    }

    [Fact]
    public void BindingsDueAtTheSameInstantAreHandedOverTogether()
    {
        var batches = new List<int>();
        using var scheduler = new ExpiryScheduler(_time, due => batches.Add(due.Count));
        for (var i = 0; i < 3; i++)
        {
            scheduler.Schedule(In(30, $"sip:u{i}@ims.lab"));
        }

        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal([3], batches);
        Assert.Equal(0, scheduler.Count);
    }

    [Fact]
    public void BindingsDueJustAfterAFiringWaitForTheNextFiringInsteadOfATimerEach()
    {
        var batches = new List<int>();
        using var scheduler = new ExpiryScheduler(_time, due => batches.Add(due.Count));
        var start = _time.GetUtcNow();
        scheduler.Schedule(new ScheduledExpiry("sip:a@ims.lab", Guid.NewGuid(), start.AddSeconds(10)));
        scheduler.Schedule(new ScheduledExpiry("sip:b@ims.lab", Guid.NewGuid(), start.AddSeconds(10).AddMilliseconds(20)));
        scheduler.Schedule(new ScheduledExpiry("sip:c@ims.lab", Guid.NewGuid(), start.AddSeconds(10).AddMilliseconds(60)));

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([1], batches);
        _time.Advance(TimeSpan.FromMilliseconds(60));
        Assert.Equal([1], batches);
        _time.Advance(ExpiryScheduler.Coalescing - TimeSpan.FromMilliseconds(60));

        Assert.Equal([1, 2], batches);
    }

    [Fact]
    public void NothingIsArmedOnceEverythingFired()
    {
        using var scheduler = Create();
        scheduler.Schedule(In(1));

        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public void ExpiriesBeyondTheLongestTimerDelayStillFireOnTime()
    {
        using var scheduler = Create();
        var far = In(60 * 60 * 24 * 100);
        scheduler.Schedule(far);

        _time.Advance(TimeSpan.FromDays(99));
        Assert.Empty(_fired);

        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal([far], _fired);
    }

    [Fact]
    public void DisposedSchedulerFiresNothing()
    {
        var scheduler = Create();
        scheduler.Schedule(In(1));
        scheduler.Dispose();

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Empty(_fired);
    }
}
