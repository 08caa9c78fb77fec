using FsCheck;
using FsCheck.Fluent;
using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Tests.Sip.Authentication.Aka;

/// <summary>FsCheck generators for AKA inputs of the right lengths.</summary>
internal static class AkaArbitrary
{
    public static Gen<byte[]> Octets(int length) => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length);

    /// <summary>A random subscriber (K, OPc, AMF), a RAND and a 48-bit SQN whose SEQ is at least 1.</summary>
    public static Arbitrary<AkaCase> Cases() =>
        (from k in Octets(AkaLength.K)
         from opc in Octets(AkaLength.Opc)
         from amf in Octets(AkaLength.Amf)
         from rand in Octets(AkaLength.Rand)
         from high in Gen.Choose(0, (1 << 16) - 1)
         from low in Gen.Choose(1 << 5, int.MaxValue)
         select new AkaCase(k, opc, amf, rand, ((long)high << 32 | (uint)low) & AkaLength.MaxSqn)).ToArbitrary();
}

internal sealed record AkaCase(byte[] K, byte[] Opc, byte[] Amf, byte[] Rand, long Sqn)
{
    public AkaCredentials Credentials => AkaCredentials.FromOpc(K, Opc, Amf);

    // K and OPc stay out of test output even though they are random; FsCheck's printed seed replays a failure.
    public override string ToString() =>
        $"K=<redacted> OPc=<redacted> AMF={Convert.ToHexStringLower(Amf)} RAND={Convert.ToHexStringLower(Rand)} SQN={Sqn:x12}";
}
