using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Tests.Sip.Authentication.Aka;

public sealed class AkaCalculatorTests
{
    [Theory]
    [MemberData(nameof(Ts35208TestSet.Numbers), MemberType = typeof(Ts35208TestSet))]
    public void CalculatesEveryOutputFromOp(int number)
    {
        var set = Ts35208TestSet.Get(number);

        var result = AkaCalculator.Calculate(set.K, set.Op, null, set.Amf, set.Sqn, set.Rand);

        Assert.True(result.IsValid);
        var value = result.Value!;
        Assert.Equal(
            [set.Opc, set.F1, set.F1Star, set.F2, set.F3, set.F4, set.F5, set.F5Star],
            [value.Opc, value.MacA, value.MacS, value.Xres, value.Ck, value.Ik, value.Ak, value.AkStar]);
        Assert.EndsWith(set.Amf + set.F1, value.Autn);
    }

    [Fact]
    public void AcceptsOpcInUpperCaseWithPrefix()
    {
        var set = Ts35208TestSet.Get(1);

        var result = AkaCalculator.Calculate(set.K.ToUpperInvariant(), null, "0x" + set.Opc, set.Amf, set.Sqn, set.Rand);

        Assert.Equal(set.F2, result.Value!.Xres);
    }

    [Fact]
    public void EveryBadFieldIsNamed()
    {
        var result = AkaCalculator.Calculate("465b5ce8", null, null, "b9", "zz9bb4d0b607", "");

        Assert.False(result.IsValid);
        Assert.Equal(["K", "OPc", "AMF", "SQN", "RAND"], result.Errors.Select(e => e.Field));
        Assert.Contains("32 hexadecimal digits", result.Errors[0].Message);
    }

    [Fact]
    public void GivingBothOpAndOpcIsAnError()
    {
        var set = Ts35208TestSet.Get(1);

        var result = AkaCalculator.Calculate(set.K, set.Op, set.Opc, set.Amf, set.Sqn, set.Rand);

        Assert.Equal("OP", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void ErrorMessagesNeverEchoTheKey()
    {
        var result = AkaCalculator.Calculate("465b5ce8b199b49faa5f0a2ee238a6bX", "cdc202d5123e20f62b6d676ac72cb318", null, "b9b9", "ff9bb4d0b607", "23553cbe9637a89d218ae64dae47bf35");

        Assert.DoesNotContain("465b5ce8", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void ReadsAutsBackToSqnMs()
    {
        var set = Ts35208TestSet.Get(20);

        var result = AkaCalculator.ReadAuts(set.K, null, set.Opc, set.Rand, "4f2039392ddd4bb4316ed4a14688");

        Assert.Equal(new AutsCalculation("000000000001", 1, set.F5Star, true), result.Value);
    }

    [Fact]
    public void ReadsForgedAutsAsNotVerified()
    {
        var set = Ts35208TestSet.Get(20);

        var result = AkaCalculator.ReadAuts(set.K, set.Op, null, set.Rand, "4f2039392ddd4bb4316ed4a14689");

        Assert.False(result.Value!.MacSVerified);
    }
}
