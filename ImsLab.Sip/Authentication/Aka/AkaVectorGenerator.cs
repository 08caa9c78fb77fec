using System.Security.Cryptography;

namespace ImsLab.Sip.Authentication.Aka;

/// <summary>
/// Network side of AKA (the AuC role, TS 33.102 6.3.2): builds fresh authentication vectors with a random RAND and
/// a never-reused SQN, and handles AUTS re-synchronisation. Thread-safe.
/// </summary>
public sealed class AkaVectorGenerator
{
    private readonly SequenceNumberAllocator _sequenceNumbers;

    /// <summary>Creates a generator drawing SQNs from <paramref name="sequenceNumbers"/>.</summary>
    public AkaVectorGenerator(SequenceNumberAllocator sequenceNumbers)
    {
        ArgumentNullException.ThrowIfNull(sequenceNumbers);
        _sequenceNumbers = sequenceNumbers;
    }

    /// <summary>
    /// A new vector for the IMPI with a cryptographically random RAND and the next SQN, or null when the IMPI's SEQ
    /// space is exhausted (TS 33.102 C.1.1: no SQN past 48 bits is ever issued; a provisioning reset brings it back).
    /// </summary>
    public async ValueTask<AkaVector?> TryGenerateAsync(string impi, AkaCredentials credentials, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (await _sequenceNumbers.TryNextSqnAsync(impi, ct).ConfigureAwait(false) is not { } sqn) return null;
        var rand = new byte[AkaLength.Rand];
        RandomNumberGenerator.Fill(rand);
        using var milenage = credentials.CreateMilenage();
        return Generate(milenage, rand, sqn, credentials.Amf);
    }

    /// <summary>A new vector as <see cref="TryGenerateAsync"/>; throws when the IMPI's SEQ space is exhausted.</summary>
    public async ValueTask<AkaVector> GenerateAsync(string impi, AkaCredentials credentials, CancellationToken ct)
    {
        var vector = await TryGenerateAsync(impi, credentials, ct).ConfigureAwait(false);
        if (vector is null) AuthenticationThrowHelper.ThrowSqnSpaceExhausted(impi);
        return vector;
    }

    /// <summary>
    /// Verifies an AUTS against the RAND of the challenge it answers and, when MAC-S holds, moves the stored SEQ
    /// past SQN_MS so the next vector is fresh (TS 33.102 6.3.5). A failed MAC-S changes nothing.
    /// </summary>
    public async ValueTask<AkaResynchronizationResult> ResynchronizeAsync(string impi, AkaCredentials credentials,
        ReadOnlyMemory<byte> rand, ReadOnlyMemory<byte> auts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        AkaResynchronizationResult result;
        using (var milenage = credentials.CreateMilenage())
            result = AkaResynchronization.Verify(milenage, rand.Span, auts.Span);
        if (result.MacVerified)
            await _sequenceNumbers.ResynchronizeAsync(impi, result.SqnMs, ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>Builds the vector for a given RAND and SQN: AUTN = (SQN xor AK) || AMF || MAC-A.</summary>
    public static AkaVector Generate(Milenage milenage, byte[] rand, long sqn, ReadOnlySpan<byte> amf)
    {
        ArgumentNullException.ThrowIfNull(milenage);
        var xres = new byte[AkaLength.Res];
        var ck = new byte[AkaLength.Ck];
        var ik = new byte[AkaLength.Ik];
        var autn = new byte[AkaLength.Autn];
        Span<byte> sqnOctets = stackalloc byte[AkaLength.Sqn];
        Span<byte> ak = stackalloc byte[AkaLength.Ak];
        SequenceNumber.Write(sqn, sqnOctets);
        milenage.ComputeVector(rand, sqnOctets, amf, autn.AsSpan(AkaLength.Sqn + AkaLength.Amf), xres, ck, ik, ak);
        for (int i = 0; i < AkaLength.Sqn; i++) autn[i] = (byte)(sqnOctets[i] ^ ak[i]);
        amf.CopyTo(autn.AsSpan(AkaLength.Sqn));
        return new AkaVector(rand, xres, ck, ik, autn, sqn);
    }
}
