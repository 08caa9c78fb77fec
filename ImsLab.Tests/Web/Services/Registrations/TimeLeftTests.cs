using ImsLab.Web.Services.Registrations;

namespace ImsLab.Tests.Web.Services.Registrations;

public sealed class TimeLeftTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 5, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-1.0, "expired")]
    [InlineData(0.0, "expired")]
    [InlineData(0.4, "1 s")]
    [InlineData(59.0, "59 s")]
    [InlineData(60.0, "1:00")]
    [InlineData(545.0, "9:05")]
    [InlineData(3723.0, "1:02:03")]
    [InlineData(273_600.0, "3 d 4 h")]
    public void CountdownReadsNaturally(double secondsLeft, string expected) =>
        Assert.Equal(expected, TimeLeft.Format(Now.AddSeconds(secondsLeft), Now));

    [Fact]
    public void UnderAMinuteIsShort()
    {
        Assert.True(TimeLeft.IsShort(Now.AddSeconds(59), Now));
        Assert.False(TimeLeft.IsShort(Now.AddSeconds(60), Now));
    }
}
