namespace ImsLab.Tests.Support;

public sealed class ManualTimeProviderTests
{
    [Fact]
    public void TimersFireInDueOrderWhenTheClockPassesThem()
    {
        var clock = new ManualTimeProvider();
        var fired = new List<string>();
        using var late = clock.CreateTimer(_ => fired.Add("late"), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add("early"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(["early"], fired);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["early", "late"], fired);
    }

    [Fact]
    public void PeriodicTimerFiresOncePerPeriodAndStopsWhenDisposed()
    {
        var clock = new ManualTimeProvider();
        var count = 0;
        var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(3.5));
        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(3, count);
        Assert.Equal(0, clock.ActiveTimerCount);
    }

    [Fact]
    public void NextArmingCompletesOnlyWhenATimerIsArmedForThatDelay()
    {
        var clock = new ManualTimeProvider();
        var armed = clock.NextArmingAsync(TimeSpan.FromMinutes(5));
        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        Assert.False(armed.IsCompleted);

        timer.Change(TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);

        Assert.True(armed.IsCompletedSuccessfully);
    }
}
