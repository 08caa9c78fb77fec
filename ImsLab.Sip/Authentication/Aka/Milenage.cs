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

    private const int OutBlocks = 5;

    // TS 35.206 4.1: rotation amounts r1..r5 in bits and constants c1..c5 (only the last octet is non-zero).
    private static ReadOnlySpan<int> Rotations => [64, 0, 32, 64, 96];
    private static ReadOnlySpan<byte> Constants => [0x00, 0x01, 0x02, 0x04, 0x08];

    private readonly Aes _aes;
    private readonly ICryptoTransform _encryptor;
    private readonly byte[] _opc = new byte[AkaLength.Opc];
    private readonly byte[] _input = new byte[OutBlocks * Block];
    private readonly byte[] _output = new byte[OutBlocks * Block];

    /// <summary>Creates the algorithm for subscriber key <paramref name="k"/> and the derived <paramref name="opc"/>.</summary>
    public Milenage(ReadOnlySpan<byte> k, ReadOnlySpan<byte> opc)
    {
        AuthenticationThrowHelper.ThrowIfWrongLength(k, AkaLength.K, nameof(k));
        AuthenticationThrowHelper.ThrowIfWrongLength(opc, AkaLength.Opc, nameof(opc));
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
        AuthenticationThrowHelper.ThrowIfWrongLength(k, AkaLength.K, nameof(k));
        AuthenticationThrowHelper.ThrowIfWrongLength(op, AkaLength.Op, nameof(op));
        AuthenticationThrowHelper.ThrowIfWrongLength(opc, AkaLength.Opc, nameof(opc));
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
        AuthenticationThrowHelper.ThrowIfWrongLength(macA, AkaLength.Mac, nameof(macA));
        Span<byte> out1 = stackalloc byte[Block];
        Compute(rand, sqn, amf, first: 1, last: 1, out1);
        out1[..AkaLength.Mac].CopyTo(macA);
    }

    /// <summary>f1*: the re-synchronisation message authentication code MAC-S over SQN, RAND and AMF.</summary>
    public void F1Star(ReadOnlySpan<byte> rand, ReadOnlySpan<byte> sqn, ReadOnlySpan<byte> amf, Span<byte> macS)
    {
        AuthenticationThrowHelper.ThrowIfWrongLength(macS, AkaLength.Mac, nameof(macS));
        Span<byte> out1 = stackalloc byte[Block];
        Compute(rand, sqn, amf, first: 1, last: 1, out1);
        out1[AkaLength.Mac..].CopyTo(macS);
    }

    /// <summary>f2, f3, f4 and f5 in one pass: RES, CK, IK and AK for RAND.</summary>
    public void F2345(ReadOnlySpan<byte> rand, Span<byte> res, Span<byte> ck, Span<byte> ik, Span<byte> ak)
    {
        Span<byte> outs = stackalloc byte[3 * Block];
        Compute(rand, default, default, first: 2, last: 4, outs);
        CopyF2345(outs, res, ck, ik, ak);
    }

    /// <summary>f5*: the anonymity key AK* used to conceal SQN_MS in AUTS.</summary>
    public void F5Star(ReadOnlySpan<byte> rand, Span<byte> akStar)
    {
        AuthenticationThrowHelper.ThrowIfWrongLength(akStar, AkaLength.Ak, nameof(akStar));
        Span<byte> out5 = stackalloc byte[Block];
        Compute(rand, default, default, first: 5, last: 5, out5);
        out5[..AkaLength.Ak].CopyTo(akStar);
    }

    /// <summary>
    /// Everything the network needs for one authentication vector (f1, f2, f3, f4, f5), sharing the TEMP block:
    /// six AES block encryptions in two calls into the cipher.
    /// </summary>
    public void ComputeVector(ReadOnlySpan<byte> rand, ReadOnlySpan<byte> sqn, ReadOnlySpan<byte> amf,
        Span<byte> macA, Span<byte> res, Span<byte> ck, Span<byte> ik, Span<byte> ak)
    {
        AuthenticationThrowHelper.ThrowIfWrongLength(macA, AkaLength.Mac, nameof(macA));
        Span<byte> outs = stackalloc byte[4 * Block];
        Compute(rand, sqn, amf, first: 1, last: 4, outs);
        outs[..AkaLength.Mac].CopyTo(macA);
        CopyF2345(outs[Block..], res, ck, ik, ak);
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

    // TS 35.206 4.1: OUT2 gives AK (first 48 bits) and RES (last 64 bits); OUT3 is CK; OUT4 is IK.
    private static void CopyF2345(ReadOnlySpan<byte> out234, Span<byte> res, Span<byte> ck, Span<byte> ik, Span<byte> ak)
    {
        AuthenticationThrowHelper.ThrowIfWrongLength(res, AkaLength.Res, nameof(res));
        AuthenticationThrowHelper.ThrowIfWrongLength(ck, AkaLength.Ck, nameof(ck));
        AuthenticationThrowHelper.ThrowIfWrongLength(ik, AkaLength.Ik, nameof(ik));
        AuthenticationThrowHelper.ThrowIfWrongLength(ak, AkaLength.Ak, nameof(ak));
        out234[..AkaLength.Ak].CopyTo(ak);
        out234[AkaLength.Mac..Block].CopyTo(res);
        out234.Slice(Block, Block).CopyTo(ck);
        out234.Slice(2 * Block, Block).CopyTo(ik);
    }

    // TS 35.206 4.1, for n = first..last into consecutive blocks of `outputs`:
    //   TEMP = E_K(RAND xor OPc)
    //   OUT1 = E_K(TEMP xor rot(IN1 xor OPc, r1) xor c1) xor OPc, IN1 = SQN || AMF || SQN || AMF
    //   OUTn = E_K(rot(TEMP xor OPc, rn) xor cn) xor OPc, n = 2..5
    // The OUT blocks depend only on TEMP, so they go through the cipher in one ECB call: the per-call interop
    // cost, not AES itself, dominates a 16-octet encryption.
    private void Compute(ReadOnlySpan<byte> rand, ReadOnlySpan<byte> sqn, ReadOnlySpan<byte> amf, int first, int last, Span<byte> outputs)
    {
        AuthenticationThrowHelper.ThrowIfWrongLength(rand, AkaLength.Rand, nameof(rand));
        Span<byte> temp = stackalloc byte[Block];
        rand.CopyTo(_input);
        Xor(_input, _opc);
        _encryptor.TransformBlock(_input, 0, Block, _output, 0);
        _output.AsSpan(0, Block).CopyTo(temp);

        Span<byte> scratch = stackalloc byte[Block];
        for (int n = first; n <= last; n++)
        {
            var block = _input.AsSpan((n - first) * Block, Block);
            if (n == 1)
            {
                AuthenticationThrowHelper.ThrowIfWrongLength(sqn, AkaLength.Sqn, nameof(sqn));
                AuthenticationThrowHelper.ThrowIfWrongLength(amf, AkaLength.Amf, nameof(amf));
                sqn.CopyTo(scratch);
                amf.CopyTo(scratch[AkaLength.Sqn..]);
                scratch[..(AkaLength.Sqn + AkaLength.Amf)].CopyTo(scratch[(AkaLength.Sqn + AkaLength.Amf)..]);
                Xor(scratch, _opc);
                Rotate(scratch, Rotations[0], block);
                Xor(block, temp);
            }
            else
            {
                temp.CopyTo(scratch);
                Xor(scratch, _opc);
                Rotate(scratch, Rotations[n - 1], block);
            }
            block[Block - 1] ^= Constants[n - 1];
        }

        int length = (last - first + 1) * Block;
        _encryptor.TransformBlock(_input, 0, length, _output, 0);
        for (int offset = 0; offset < length; offset += Block)
        {
            var output = outputs.Slice(offset, Block);
            _output.AsSpan(offset, Block).CopyTo(output);
            Xor(output, _opc);
        }
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
}
