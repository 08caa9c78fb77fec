using System.Security.Cryptography;

namespace ImsLab.Sip.Authentication.Aka;

/// <summary>AUTS = (SQN_MS xor AK*) || MAC-S, built by the USIM and checked by the home network (TS 33.102 6.3.3, 6.3.5).</summary>
public static class AkaResynchronization
{
    // TS 33.102 6.3.3: MAC-S is computed with a dummy AMF of all zeros so it can never equal a MAC-A.
    private static ReadOnlySpan<byte> ResynchronizationAmf => [0x00, 0x00];

    /// <summary>Recovers SQN_MS from <paramref name="auts"/> and verifies MAC-S with f1* against <paramref name="rand"/>.</summary>
    public static AkaResynchronizationResult Verify(Milenage milenage, ReadOnlySpan<byte> rand, ReadOnlySpan<byte> auts)
    {
        ArgumentNullException.ThrowIfNull(milenage);
        if (auts.Length != AkaLength.Auts || rand.Length != AkaLength.Rand) return default;
        Span<byte> sqnMs = stackalloc byte[AkaLength.Sqn];
        Span<byte> xmacS = stackalloc byte[AkaLength.Mac];
        milenage.F5Star(rand, sqnMs);
        for (int i = 0; i < AkaLength.Sqn; i++) sqnMs[i] ^= auts[i];
        milenage.F1Star(rand, sqnMs, ResynchronizationAmf, xmacS);
        bool verified = CryptographicOperations.FixedTimeEquals(xmacS, auts[AkaLength.Sqn..]);
        return new AkaResynchronizationResult(verified, verified ? SequenceNumber.Read(sqnMs) : 0);
    }

    /// <summary>Builds AUTS for <paramref name="sqnMs"/> as the USIM does on a synchronisation failure.</summary>
    public static void Build(Milenage milenage, ReadOnlySpan<byte> rand, long sqnMs, Span<byte> auts)
    {
        ArgumentNullException.ThrowIfNull(milenage);
        AuthenticationThrowHelper.ThrowIfWrongLength(auts, AkaLength.Auts, nameof(auts));
        Span<byte> sqn = stackalloc byte[AkaLength.Sqn];
        SequenceNumber.Write(sqnMs, sqn);
        milenage.F1Star(rand, sqn, ResynchronizationAmf, auts[AkaLength.Sqn..]);
        milenage.F5Star(rand, auts[..AkaLength.Sqn]);
        for (int i = 0; i < AkaLength.Sqn; i++) auts[i] ^= sqn[i];
    }
}
