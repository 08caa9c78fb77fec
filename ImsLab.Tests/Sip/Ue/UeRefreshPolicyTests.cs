using ImsLab.Sip.Ue;

namespace ImsLab.Tests.Sip.Ue;

public sealed class UeRefreshPolicyTests
{
    [Theory]
    [InlineData(600_000, 599_400)]
    [InlineData(7200, 6600)]
    [InlineData(1201, 601)]
    [InlineData(1200, 600)]
    [InlineData(600, 300)]
    [InlineData(61, 30.5)]
    public void RefreshesSixHundredSecondsEarlyForLongRegistrationsAndAtHalfTimeOtherwise(int lifetimeSeconds, double expectedSeconds)
    {
        var delay = UeRefreshPolicy.RefreshDelay(TimeSpan.FromSeconds(lifetimeSeconds));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Fact]
    public void RefreshesAtOnceWhenNothingIsLeft()
    {
        Assert.Equal(TimeSpan.Zero, UeRefreshPolicy.RefreshDelay(TimeSpan.Zero));
    }
}
