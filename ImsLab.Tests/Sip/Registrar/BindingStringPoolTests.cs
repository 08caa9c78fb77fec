using ImsLab.Sip.Registrar;

namespace ImsLab.Tests.Sip.Registrar;

public sealed class BindingStringPoolTests
{
    [Fact]
    public void EqualValuesComeBackAsOneInstance()
    {
        var pool = new BindingStringPool();
        var first = new string("Samsung IMS 6.0".AsSpan());
        var second = new string("Samsung IMS 6.0".AsSpan());

        Assert.Same(pool.Share(first), pool.Share(second));
    }

    [Fact]
    public void AFullPoolKeepsNewValuesAsTheyAre()
    {
        var pool = new BindingStringPool(capacity: 2);
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
        var pool = new BindingStringPool();

        Assert.Null(pool.Share(null));
        Assert.Empty(pool.ShareAll([]));
    }
}
