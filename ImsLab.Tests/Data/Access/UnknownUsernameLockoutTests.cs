using ImsLab.Data.Access;

namespace ImsLab.Tests.Data.Access;

public sealed class UnknownUsernameLockoutTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly AccessOptions Options = new() { MaxFailedLogins = 2, LockoutDuration = TimeSpan.FromMinutes(15) };

    [Fact]
    public void ANameLocksAtTheFailureThatWouldLockAnAccountAndUnlocksWhenTheLockoutEnds()
    {
        var lockout = new UnknownUsernameLockout(Options);

        Assert.Null(lockout.RecordFailure("ghost", Now));
        Assert.Equal(Now + Options.LockoutDuration, lockout.RecordFailure("ghost", Now));

        Assert.Equal(Now + Options.LockoutDuration, lockout.LockedUntil("ghost", Now.AddMinutes(14)));
        Assert.Null(lockout.LockedUntil("ghost", Now + Options.LockoutDuration));
        Assert.Null(lockout.LockedUntil("other", Now));
    }

    [Fact]
    public void AFullTableForgetsUnlockedNamesFirstAndKeepsTheLocks()
    {
        var lockout = new UnknownUsernameLockout(Options, capacity: 3);
        lockout.RecordFailure("locked", Now);
        lockout.RecordFailure("locked", Now);
        lockout.RecordFailure("once-a", Now);
        lockout.RecordFailure("once-b", Now);

        lockout.RecordFailure("newcomer", Now);

        Assert.NotNull(lockout.LockedUntil("locked", Now));
        // once-a was forgotten: its next failure is a first one again, so it does not lock.
        Assert.Null(lockout.RecordFailure("once-a", Now));
    }

    [Fact]
    public void ATableFullOfLocksStartsOverRatherThanGrow()
    {
        var lockout = new UnknownUsernameLockout(Options, capacity: 2);
        foreach (var name in new[] { "a", "a", "b", "b" }) lockout.RecordFailure(name, Now);

        lockout.RecordFailure("c", Now);

        Assert.Null(lockout.LockedUntil("a", Now));
        Assert.Null(lockout.LockedUntil("b", Now));
    }
}
