using ImsLab.Sip.Authentication.Aka;
using ImsLab.Tests.Support;
using static ImsLab.Tests.Sip.Authentication.Aka.MilenageTests;

namespace ImsLab.Tests.Sip.Authentication.Aka;

public sealed class AkaVectorGeneratorTests
{
    private const string Impi = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";

    [Theory]
    [MemberData(nameof(Ts35208TestSet.Numbers), MemberType = typeof(Ts35208TestSet))]
    public void VectorCarriesTs35208OutputsAndAutnIsSqnXorAkAmfMac(int number)
    {
        var set = Ts35208TestSet.Get(number);
        using var milenage = new Milenage(Bytes(set.K), Bytes(set.Opc));
        long sqn = SequenceNumber.Read(Bytes(set.Sqn));

        var vector = AkaVectorGenerator.Generate(milenage, Bytes(set.Rand), sqn, Bytes(set.Amf));

        var sqnXorAk = Bytes(set.Sqn).Zip(Bytes(set.F5), (a, b) => (byte)(a ^ b)).ToArray();
        Assert.Equal(Hex(sqnXorAk) + set.Amf + set.F1, Hex(vector.Autn.Span));
        Assert.Equal(set.F2, Hex(vector.Xres.Span));
        Assert.Equal(set.F3, Hex(vector.Ck.Span));
        Assert.Equal(set.F4, Hex(vector.Ik.Span));
        Assert.Equal(set.Rand, Hex(vector.Rand.Span));
    }

    [Fact]
    public async Task EveryVectorHasAFreshRandAndAHigherSqn()
    {
        var generator = new AkaVectorGenerator(new SequenceNumberAllocator(new InMemorySequenceNumberStore(), new SequenceNumberOptions()));
        var credentials = Credentials(Ts35208TestSet.Get(3));

        var first = await generator.GenerateAsync(Impi, credentials, default);
        var second = await generator.GenerateAsync(Impi, credentials, default);

        Assert.NotEqual(Hex(first.Rand.Span), Hex(second.Rand.Span));
        Assert.True(second.Sqn > first.Sqn);
    }

    [Fact]
    public async Task NoVectorIsMadeOnceTheSeqSpaceOfTheImpiIsExhausted()
    {
        var store = new InMemorySequenceNumberStore();
        store.SetLastIssued(Impi, SequenceNumber.MaxSeq(5) - 1);
        var generator = new AkaVectorGenerator(new SequenceNumberAllocator(store, new SequenceNumberOptions { BlockSize = 32 }));
        var credentials = Credentials(Ts35208TestSet.Get(3));

        var last = await generator.TryGenerateAsync(Impi, credentials, default);
        var none = await generator.TryGenerateAsync(Impi, credentials, default);

        Assert.Equal(AkaLength.MaxSqn, last!.Sqn);
        Assert.Null(none);
    }

    [Fact]
    public void ToStringNeverShowsXresCkOrIk()
    {
        var set = Ts35208TestSet.Get(1);
        using var milenage = new Milenage(Bytes(set.K), Bytes(set.Opc));
        var vector = AkaVectorGenerator.Generate(milenage, Bytes(set.Rand), 1, Bytes(set.Amf));

        string text = vector.ToString();

        Assert.DoesNotContain(set.F2, text);
        Assert.DoesNotContain(set.F3, text);
        Assert.DoesNotContain(set.F4, text);
        Assert.Contains("redacted", text);
        Assert.DoesNotContain(set.K, Credentials(set).ToString());
    }

    [Fact]
    public async Task ResynchronisationWithAGoodAutsMovesTheCounterPastSqnMs()
    {
        var store = new InMemorySequenceNumberStore();
        var generator = new AkaVectorGenerator(new SequenceNumberAllocator(store, new SequenceNumberOptions()));
        var credentials = Credentials(Ts35208TestSet.Get(4));
        var rand = Bytes(Ts35208TestSet.Get(4).Rand);
        long sqnMs = SequenceNumber.Compose(5000, 7, 5);
        var auts = new byte[AkaLength.Auts];
        using (var milenage = credentials.CreateMilenage()) AkaResynchronization.Build(milenage, rand, sqnMs, auts);

        var result = await generator.ResynchronizeAsync(Impi, credentials, rand, auts, default);
        var next = await generator.GenerateAsync(Impi, credentials, default);

        Assert.True(result.MacVerified);
        Assert.Equal(sqnMs, result.SqnMs);
        Assert.Equal(5001, SequenceNumber.Seq(next.Sqn, 5));
    }

    [Fact]
    public async Task ResynchronisationWithABadMacSChangesNothing()
    {
        var store = new InMemorySequenceNumberStore();
        var generator = new AkaVectorGenerator(new SequenceNumberAllocator(store, new SequenceNumberOptions()));
        var credentials = Credentials(Ts35208TestSet.Get(4));
        var rand = Bytes(Ts35208TestSet.Get(4).Rand);
        var auts = new byte[AkaLength.Auts];
        using (var milenage = credentials.CreateMilenage()) AkaResynchronization.Build(milenage, rand, SequenceNumber.Compose(5000, 7, 5), auts);
        auts[^1] ^= 0x01;

        var result = await generator.ResynchronizeAsync(Impi, credentials, rand, auts, default);

        Assert.False(result.MacVerified);
        Assert.Equal(0, store.LastIssued(Impi));
    }

    internal static AkaCredentials Credentials(Ts35208TestSet set) => AkaCredentials.FromOpc(Bytes(set.K), Bytes(set.Opc), Bytes(set.Amf));
}
