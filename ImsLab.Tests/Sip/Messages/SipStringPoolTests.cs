using ImsLab.Sip.Messages;

namespace ImsLab.Tests.Sip.Messages;

/// <summary>One copy of the strings that many messages repeat, within a bound.</summary>
public sealed class SipStringPoolTests
{
    [Fact]
    public void EqualValuesComeBackAsOneInstance()
    {
        var pool = new SipStringPool(capacity: 16);
        var first = new string("Samsung IMS 6.0".AsSpan());
        var second = new string("Samsung IMS 6.0".AsSpan());

        Assert.Same(pool.Share(first), pool.Share(second));
    }

    [Fact]
    public void AFullPoolKeepsNewValuesAsTheyAre()
    {
        var pool = new SipStringPool(capacity: 2);
        pool.Share("a");
        pool.Share("b");
        var third = new string("c".AsSpan());
        var copy = new string("c".AsSpan());

        Assert.Same(third, pool.Share(third));
        Assert.Same(copy, pool.Share(copy));
    }

    [Fact]
    public void NullStaysNullAndEmptyListsStayEmpty()
    {
        var pool = new SipStringPool(capacity: 16);

        Assert.Null(pool.Share(null));
        Assert.Empty(pool.ShareAll([]));
    }
}
