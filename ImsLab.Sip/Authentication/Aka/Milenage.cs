using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ImsLab.Sip.Authentication.Aka;

/// <summary>
/// The MILENAGE algorithm set f1, f1*, f2, f3, f4, f5 and f5* (3GPP TS 35.206) for one subscriber (K, OPc).
/// The AES key schedule is built once per instance and reused, and every call works in caller-provided spans, so
/// the functions allocate nothing. An instance is NOT thread-safe: use one per thread or per authentication.
/// </summary>
public sealed class Milenage : IDisposable
{
    private const int Block = 16;

    // TS 35.206 4.1: rotation amounts r1..r5 in bits and constants c1..c5 (only the last octet is non-zero).
    private const int R1 = 64, R2 = 0, R3 = 32, R4 = 64, R5 = 96;
    private const byte C1 = 0x00, C2 = 0x01, C3 = 0x02, C4 = 0x04, C5 = 0x08;

    private readonly Aes _aes;
    private readonly ICryptoTransform _encryptor;
    private readonly byte[] _opc = new byte[AkaLength.Opc];
    private readonly byte[] _input = new byte[Block];
    private readonly byte[] _output = new byte[Block];

    /// <summary>Creates the algorithm for subscriber key <paramref name="k"/> and the derived <paramref name="opc"/>.</summary>
    public Milenage(ReadOnlySpan<byte> k, ReadOnlySpan<byte> opc)
    {
        ThrowIfWrongLength(k, AkaLength.K, nameof(k));
        ThrowIfWrongLength(opc, AkaLength.Opc, nameof(opc));
        opc.CopyTo(_opc);
        _aes = Aes.Create();
        _aes.Key = k.ToArray();
        _aes.Mode = CipherMode.ECB;
        _aes.Padding = PaddingMode.None;
        // Kernel function E_K is AES-128 on single blocks (TS 35.206 clause 3); one transform reused per key avoids
        // re-running the key schedule for each of the 6-7 block encryptions of a vector.
        _encryptor = _aes.CreateEncryptor();
    }

    /// <summary>Creates the algorithm from K and OP, deriving OPc first (TS 35.206 4.1).</summary>
    public static Milenage FromOp(ReadOnlySpan<byte> k, ReadOnlySpan<byte> op)
    {
        Span<byte> opc = stackalloc byte[AkaLength.Opc];
        ComputeOpc(k, op, opc);
        var milenage = new Milenage(k, opc);
        CryptographicOperations.ZeroMemory(opc);
        return milenage;
    }

    /// <summary>OPc = OP xor E_K(OP) (TS 35.206 4.1).</summary>
    public static void ComputeOpc(ReadOnlySpan<byte> k, ReadOnlySpan<byte> op, Span<byte> opc)
    {
        ThrowIfWrongLength(k, AkaLength.K, nameof(k));
        ThrowIfWrongLength(op, AkaLength.Op, nameof(op));
        ThrowIfWrongLength(opc, AkaLength.Opc, nameof(opc));
        using var aes = Aes.Create();
        aes.Key = k.ToArray();
        aes.EncryptEcb(op, opc, PaddingMode.None);
        Xor(opc, op);
    }

    /// <summary>OPc = OP xor E_K(OP) (TS 35.206 4.1), as a new array.</summary>
    public static byte[] ComputeOpc(ReadOnlySpan<byte> k, ReadOnlySpan<byte> op)
    {
        var opc = new byte[AkaLength.Opc];
        ComputeOpc(k, op, opc);
        return opc;
    }

    /// <summary>f1: the network authentication code MAC-A over SQN, RAND and AMF.</summary>
    public void F1(ReadOnlySpan<byte> rand, ReadOnlySpan<byte> sqn, ReadOnlySpan<byte> amf, Span<byte> macA)
    {
        ThrowIfWrongLength(macA, AkaLength.Mac, nameof(macA));
        Span<byte> temp = stackalloc byte[Block];
        Span<byte> out1 = stackalloc byte[Block];
        Temp(rand, temp);
        Out1(temp, sqn, amf, out1);
        out1[..AkaLength.Mac].CopyTo(macA);
    }

    /// <summary>f1*: the re-synchronisation message authentication code MAC-S over SQN, RAND and AMF.</summary>
    public void F1Star(ReadOnlySpan<byte> rand, ReadOnlySpan<byte> sqn, ReadOnlySpan<byte> amf, Span<byte> macS)
    {
        ThrowIfWrongLength(macS, AkaLength.Mac, nameof(macS));
        Span<byte> temp = stackalloc byte[Block];
        Span<byte> out1 = stackalloc byte[Block];
        Temp(rand, temp);
        Out1(temp, sqn, amf, out1);
        out1[AkaLength.Mac..].CopyTo(macS);
    }

    /// <summary>f2, f3, f4 and f5 in one pass: RES, CK, IK and AK for RAND.</summary>
    public void F2345(ReadOnlySpan<byte> rand, Span<byte> res, Span<byte> ck, Span<byte> ik, Span<byte> ak)
    {
        Span<byte> temp = stackalloc byte[Block];
        Temp(rand, temp);
        F2345FromTemp(temp, res, ck, ik, ak);
    }

    /// <summary>f5*: the anonymity key AK* used to conceal SQN_MS in AUTS.</summary>
    public void F5Star(ReadOnlySpan<byte> rand, Span<byte> akStar)
    {
        ThrowIfWrongLength(akStar, AkaLength.Ak, nameof(akStar));
        Span<byte> temp = stackalloc byte[Block];
        Span<byte> out5 = stackalloc byte[Block];
        Temp(rand, temp);
        Out(temp, R5, C5, out5);
        out5[..AkaLength.Ak].CopyTo(akStar);
    }

    /// <summary>
    /// Everything the network needs for one authentication vector (f1, f2, f3, f4, f5), sharing the TEMP block:
    /// six AES block encryptions in all.
    /// </summary>
    public void ComputeVector(ReadOnlySpan<byte> rand, ReadOnlySpan<byte> sqn, ReadOnlySpan<byte> amf,
        Span<byte> macA, Span<byte> res, Span<byte> ck, Span<byte> ik, Span<byte> ak)
    {
        ThrowIfWrongLength(macA, AkaLength.Mac, nameof(macA));
        Span<byte> temp = stackalloc byte[Block];
        Span<byte> out1 = stackalloc byte[Block];
        Temp(rand, temp);
        Out1(temp, sqn, amf, out1);
        out1[..AkaLength.Mac].CopyTo(macA);
        F2345FromTemp(temp, res, ck, ik, ak);
    }

    /// <summary>Zeroes the key material held by this instance.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_opc);
        CryptographicOperations.ZeroMemory(_input);
        CryptographicOperations.ZeroMemory(_output);
        _encryptor.Dispose();
        _aes.Dispose();
    }

    private void F2345FromTemp(ReadOnlySpan<byte> temp, Span<byte> res, Span<byte> ck, Span<byte> ik, Span<byte> ak)
    {
        ThrowIfWrongLength(res, AkaLength.Res, nameof(res));
        ThrowIfWrongLength(ck, AkaLength.Ck, nameof(ck));
        ThrowIfWrongLength(ik, AkaLength.Ik, nameof(ik));
        ThrowIfWrongLength(ak, AkaLength.Ak, nameof(ak));
        Span<byte> block = stackalloc byte[Block];
        // TS 35.206 4.1: OUT2 gives AK (first 48 bits) and RES (last 64 bits); OUT3 is CK; OUT4 is IK.
        Out(temp, R2, C2, block);
        block[..AkaLength.Ak].CopyTo(ak);
        block[AkaLength.Mac..].CopyTo(res);
        Out(temp, R3, C3, ck);
        Out(temp, R4, C4, ik);
    }

    // TEMP = E_K(RAND xor OPc)
    private void Temp(ReadOnlySpan<byte> rand, Span<byte> temp)
    {
        ThrowIfWrongLength(rand, AkaLength.Rand, nameof(rand));
        rand.CopyTo(temp);
        Xor(temp, _opc);
        Encrypt(temp, temp);
    }

    // OUT1 = E_K(TEMP xor rot(IN1 xor OPc, r1) xor c1) xor OPc, IN1 = SQN || AMF || SQN || AMF
    private void Out1(ReadOnlySpan<byte> temp, ReadOnlySpan<byte> sqn, ReadOnlySpan<byte> amf, Span<byte> out1)
    {
        ThrowIfWrongLength(sqn, AkaLength.Sqn, nameof(sqn));
        ThrowIfWrongLength(amf, AkaLength.Amf, nameof(amf));
        Span<byte> in1 = stackalloc byte[Block];
        sqn.CopyTo(in1);
        amf.CopyTo(in1[AkaLength.Sqn..]);
        in1[..(AkaLength.Sqn + AkaLength.Amf)].CopyTo(in1[(AkaLength.Sqn + AkaLength.Amf)..]);
        Xor(in1, _opc);
        Rotate(in1, R1, out1);
        out1[Block - 1] ^= C1;
        Xor(out1, temp);
        Encrypt(out1, out1);
        Xor(out1, _opc);
    }

    // OUTn = E_K(rot(TEMP xor OPc, rn) xor cn) xor OPc for n = 2..5
    private void Out(ReadOnlySpan<byte> temp, int rotateBits, byte constant, Span<byte> output)
    {
        Span<byte> block = stackalloc byte[Block];
        temp.CopyTo(block);
        Xor(block, _opc);
        Rotate(block, rotateBits, output);
        output[Block - 1] ^= constant;
        Encrypt(output, output);
        Xor(output, _opc);
    }

    private void Encrypt(ReadOnlySpan<byte> input, Span<byte> output)
    {
        input.CopyTo(_input);
        _encryptor.TransformBlock(_input, 0, Block, _output, 0);
        _output.CopyTo(output);
    }

    // Cyclic left rotation by a whole number of octets (every MILENAGE r is a multiple of 8).
    private static void Rotate(ReadOnlySpan<byte> input, int bits, Span<byte> output)
    {
        int shift = bits / 8;
        input[shift..].CopyTo(output);
        input[..shift].CopyTo(output[(Block - shift)..]);
    }

    private static void Xor(Span<byte> target, ReadOnlySpan<byte> other)
    {
        ulong a0 = BinaryPrimitives.ReadUInt64LittleEndian(target);
        ulong a1 = BinaryPrimitives.ReadUInt64LittleEndian(target[8..]);
        BinaryPrimitives.WriteUInt64LittleEndian(target, a0 ^ BinaryPrimitives.ReadUInt64LittleEndian(other));
        BinaryPrimitives.WriteUInt64LittleEndian(target[8..], a1 ^ BinaryPrimitives.ReadUInt64LittleEndian(other[8..]));
    }

    private static void ThrowIfWrongLength(ReadOnlySpan<byte> value, int length, string name)
    {
        if (value.Length != length) AuthenticationThrowHelper.ThrowWrongLength(name, length, value.Length);
    }
}
