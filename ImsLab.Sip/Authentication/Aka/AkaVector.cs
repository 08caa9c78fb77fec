namespace ImsLab.Sip.Authentication.Aka;

/// <summary>
/// One authentication vector (TS 33.102 6.3.2): RAND, XRES, CK, IK and AUTN = (SQN xor AK) || AMF || MAC-A, plus the
/// SQN it was built with. RAND and AUTN travel in clear in the challenge; XRES, CK and IK are secrets and are
/// redacted from ToString.
/// </summary>
public sealed class AkaVector
{
    /// <summary>Creates a vector from its parts (lengths per <see cref="AkaLength"/>).</summary>
    public AkaVector(byte[] rand, byte[] xres, byte[] ck, byte[] ik, byte[] autn, long sqn)
    {
        Check(rand, AkaLength.Rand, nameof(rand));
        Check(xres, AkaLength.Res, nameof(xres));
        Check(ck, AkaLength.Ck, nameof(ck));
        Check(ik, AkaLength.Ik, nameof(ik));
        Check(autn, AkaLength.Autn, nameof(autn));
        Rand = rand;
        Xres = xres;
        Ck = ck;
        Ik = ik;
        Autn = autn;
        Sqn = sqn;
    }

    /// <summary>The random challenge.</summary>
    public ReadOnlyMemory<byte> Rand { get; }

    /// <summary>The expected response (f2).</summary>
    public ReadOnlyMemory<byte> Xres { get; }

    /// <summary>The cipher key (f3).</summary>
    public ReadOnlyMemory<byte> Ck { get; }

    /// <summary>The integrity key (f4).</summary>
    public ReadOnlyMemory<byte> Ik { get; }

    /// <summary>The authentication token.</summary>
    public ReadOnlyMemory<byte> Autn { get; }

    /// <summary>The sequence number concealed in AUTN.</summary>
    public long Sqn { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"AkaVector {{ Rand = {Convert.ToHexStringLower(Rand.Span)}, Autn = {Convert.ToHexStringLower(Autn.Span)}, Sqn = {Sqn}, Xres = <redacted>, Ck = <redacted>, Ik = <redacted> }}";

    private static void Check(byte[] value, int length, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        AuthenticationThrowHelper.ThrowIfWrongLength(value, length, name);
    }
}
