using System.Buffers.Binary;

namespace ImsLab.Sip.Authentication.Aka;

/// <summary>The 48-bit SQN as SEQ || IND (TS 33.102 C.1.1) and its octet form.</summary>
public static class SequenceNumber
{
    /// <summary>SQN = SEQ || IND with IND occupying the low <paramref name="indBits"/> bits.</summary>
    public static long Compose(long seq, int ind, int indBits)
    {
        if (seq < 0 || seq > MaxSeq(indBits))
            AuthenticationThrowHelper.ThrowSequenceSpaceExhausted(seq);
        return (seq << indBits) | (long)ind;
    }

    /// <summary>
    /// The highest SEQ that still fits: SQN has 48 bits (C.1.1), IND takes the low <paramref name="indBits"/>, so SEQ
    /// has 48 - IND bits. The HE must never issue a higher one.
    /// </summary>
    public static long MaxSeq(int indBits) => (1L << (AkaLength.Sqn * 8 - indBits)) - 1;

    /// <summary>SEQ part of an SQN.</summary>
    public static long Seq(long sqn, int indBits) => sqn >> indBits;

    /// <summary>IND part of an SQN.</summary>
    public static int Ind(long sqn, int indBits) => (int)(sqn & ((1L << indBits) - 1));

    /// <summary>Writes the SQN big-endian into 6 octets.</summary>
    public static void Write(long sqn, Span<byte> destination)
    {
        AuthenticationThrowHelper.ThrowIfWrongLength(destination, AkaLength.Sqn, nameof(destination));
        Span<byte> eight = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(eight, sqn & AkaLength.MaxSqn);
        eight[(sizeof(long) - AkaLength.Sqn)..].CopyTo(destination);
    }

    /// <summary>Reads a big-endian 6-octet SQN.</summary>
    public static long Read(ReadOnlySpan<byte> source)
    {
        AuthenticationThrowHelper.ThrowIfWrongLength(source, AkaLength.Sqn, nameof(source));
        Span<byte> eight = stackalloc byte[sizeof(long)];
        eight.Clear();
        source.CopyTo(eight[(sizeof(long) - AkaLength.Sqn)..]);
        return BinaryPrimitives.ReadInt64BigEndian(eight);
    }
}
