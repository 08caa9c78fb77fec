using ImsLab.Sip.Transactions;

namespace ImsLab.Tests.Sip.Transactions;

/// <summary>The slabs that hold completed transactions' responses for Timer J.</summary>
public sealed class SipResponseArenaTests
{
    [Fact]
    public void StoredResponsesReadBackOctetForOctet()
    {
        var arena = new SipResponseArena();
        var first = Octets(300, 1);
        var second = Octets(500, 2);

        var firstSlice = arena.Store(first);
        var secondSlice = arena.Store(second);

        Assert.Equal(first, arena.Copy(firstSlice));
        Assert.Equal(second, arena.Copy(secondSlice));
        Assert.Equal(1, arena.SlabCount);
    }

    [Fact]
    public void ResponsesThatDoNotFitTheSlabStartAnother()
    {
        var arena = new SipResponseArena();
        var large = Octets(SipResponseArena.SlabBytes - 100, 3);

        var first = arena.Store(large);
        var second = arena.Store(Octets(200, 4));

        Assert.NotEqual(first.Slab, second.Slab);
        Assert.Equal(0, second.Offset);
        Assert.Equal(2, arena.SlabCount);
    }

    [Fact]
    public void ASlabWhoseResponsesAreAllFreedIsWrittenAgainInsteadOfANewOne()
    {
        var arena = new SipResponseArena();
        var full = Octets(SipResponseArena.SlabBytes, 5);
        var old = arena.Store(full);
        var current = arena.Store(Octets(100, 6));

        arena.Free(old);
        arena.Free(current);
        var reused = arena.Store(full);

        Assert.Contains(reused.Slab, new[] { old.Slab, current.Slab });
        Assert.Equal(2, arena.SlabCount);
    }

    [Fact]
    public void AfterALoadRunOnlyTwoEmptySlabsAreKeptForReuse()
    {
        var arena = new SipResponseArena();
        var slices = Enumerable.Range(0, 6).Select(i => arena.Store(Octets(SipResponseArena.SlabBytes, (byte)i))).ToList();
        Assert.Equal(6, arena.SlabCount);

        foreach (var slice in slices)
        {
            arena.Free(slice);
        }

        // Five emptied slabs and the one being written: two spares stay, the rest go back to the collector.
        Assert.Equal(3, arena.SlabCount);
    }

    [Fact]
    public void AResponseLargerThanASlabIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipResponseArena().Store(new byte[SipResponseArena.SlabBytes + 1]));

    private static byte[] Octets(int length, byte seed) => Enumerable.Range(0, length).Select(i => (byte)(i + seed)).ToArray();
}
