using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Tests.Sip.Authentication.Aka;

public sealed class MilenageTests
{
    [Theory]
    [MemberData(nameof(Ts35208TestSet.Numbers), MemberType = typeof(Ts35208TestSet))]
    public void ComputeOpcMatchesTs35208(int number)
    {
        var set = Ts35208TestSet.Get(number);
        Assert.Equal(set.Opc, Hex(Milenage.ComputeOpc(Bytes(set.K), Bytes(set.Op))));
    }

    [Theory]
    [MemberData(nameof(Ts35208TestSet.Numbers), MemberType = typeof(Ts35208TestSet))]
    public void EveryFunctionMatchesTs35208(int number)
    {
        var set = Ts35208TestSet.Get(number);
        using var milenage = new Milenage(Bytes(set.K), Bytes(set.Opc));
        byte[] rand = Bytes(set.Rand), sqn = Bytes(set.Sqn), amf = Bytes(set.Amf);
        var macA = new byte[AkaLength.Mac];
        var macS = new byte[AkaLength.Mac];
        var res = new byte[AkaLength.Res];
        var ck = new byte[AkaLength.Ck];
        var ik = new byte[AkaLength.Ik];
        var ak = new byte[AkaLength.Ak];
        var akStar = new byte[AkaLength.Ak];

        milenage.F1(rand, sqn, amf, macA);
        milenage.F1Star(rand, sqn, amf, macS);
        milenage.F2345(rand, res, ck, ik, ak);
        milenage.F5Star(rand, akStar);

        Assert.Equal(set.F1, Hex(macA));
        Assert.Equal(set.F1Star, Hex(macS));
        Assert.Equal(set.F2, Hex(res));
        Assert.Equal(set.F3, Hex(ck));
        Assert.Equal(set.F4, Hex(ik));
        Assert.Equal(set.F5, Hex(ak));
        Assert.Equal(set.F5Star, Hex(akStar));
    }

    [Theory]
    [MemberData(nameof(Ts35208TestSet.Numbers), MemberType = typeof(Ts35208TestSet))]
    public void ComputeVectorMatchesTheSeparateFunctions(int number)
    {
        var set = Ts35208TestSet.Get(number);
        using var milenage = Milenage.FromOp(Bytes(set.K), Bytes(set.Op));
        var macA = new byte[AkaLength.Mac];
        var res = new byte[AkaLength.Res];
        var ck = new byte[AkaLength.Ck];
        var ik = new byte[AkaLength.Ik];
        var ak = new byte[AkaLength.Ak];

        milenage.ComputeVector(Bytes(set.Rand), Bytes(set.Sqn), Bytes(set.Amf), macA, res, ck, ik, ak);

        Assert.Equal([set.F1, set.F2, set.F3, set.F4, set.F5], new[] { Hex(macA), Hex(res), Hex(ck), Hex(ik), Hex(ak) });
    }

    [Fact]
    public void WrongBufferLengthIsAProgrammerError()
    {
        var set = Ts35208TestSet.Get(1);
        using var milenage = new Milenage(Bytes(set.K), Bytes(set.Opc));
        Assert.Throws<ArgumentException>(() => milenage.F5Star(Bytes(set.Rand), new byte[5]));
        Assert.Throws<ArgumentException>(() => new Milenage(new byte[15], Bytes(set.Opc)));
    }

    internal static byte[] Bytes(string hex) => Convert.FromHexString(hex);

    internal static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
