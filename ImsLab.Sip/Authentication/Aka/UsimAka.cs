using System.Security.Cryptography;

namespace ImsLab.Sip.Authentication.Aka;

/// <summary>
/// The UE side of AKA: a simulated USIM holding K/OPc and the SEQ_MS array of TS 33.102 Annex C.2. It verifies AUTN
/// (MAC first, then SQN freshness with the Δ and L limits) and returns RES/CK/IK, a synchronisation failure with
/// AUTS, or a MAC failure. Thread-safe.
/// </summary>
public sealed class UsimAka
{
    private readonly AkaCredentials _credentials;
    private readonly UsimOptions _options;
    private readonly long[] _seqMs;
    private readonly object _gate = new();
    private long _highestSqn;

    /// <summary>Creates a USIM whose array starts at zero (C.2.2: the initial value of each element is zero).</summary>
    public UsimAka(AkaCredentials credentials, UsimOptions options)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _credentials = credentials;
        _options = options;
        _seqMs = new long[1 << options.IndBits];
    }

    /// <summary>SQN_MS: the highest SQN accepted so far anywhere in the array.</summary>
    public long HighestAcceptedSqn { get { lock (_gate) return _highestSqn; } }

    /// <summary>Sets the USIM's state as if <paramref name="sqn"/> had been accepted (lab set-up of a card's counter).</summary>
    public void Accept(long sqn)
    {
        lock (_gate) Record(sqn);
    }

    /// <summary>Runs the USIM authentication of TS 33.102 6.3.3 on a challenge.</summary>
    public UsimAuthenticationResult Authenticate(ReadOnlySpan<byte> rand, ReadOnlySpan<byte> autn)
    {
        if (rand.Length != AkaLength.Rand || autn.Length != AkaLength.Autn) return UsimAuthenticationResult.MacFailure();
        using var milenage = _credentials.CreateMilenage();
        var res = new byte[AkaLength.Res];
        var ck = new byte[AkaLength.Ck];
        var ik = new byte[AkaLength.Ik];
        Span<byte> ak = stackalloc byte[AkaLength.Ak];
        Span<byte> sqnOctets = stackalloc byte[AkaLength.Sqn];
        Span<byte> xmac = stackalloc byte[AkaLength.Mac];
        milenage.F2345(rand, res, ck, ik, ak);
        for (int i = 0; i < AkaLength.Sqn; i++) sqnOctets[i] = (byte)(autn[i] ^ ak[i]);
        var amf = autn.Slice(AkaLength.Sqn, AkaLength.Amf);
        milenage.F1(rand, sqnOctets, amf, xmac);
        if (!CryptographicOperations.FixedTimeEquals(xmac, autn[(AkaLength.Sqn + AkaLength.Amf)..]))
        {
            CryptographicOperations.ZeroMemory(res);
            CryptographicOperations.ZeroMemory(ck);
            CryptographicOperations.ZeroMemory(ik);
            return UsimAuthenticationResult.MacFailure();
        }

        long sqn = SequenceNumber.Read(sqnOctets);
        long sqnMs;
        lock (_gate)
        {
            if (IsFresh(sqn))
            {
                Record(sqn);
                return UsimAuthenticationResult.Success(res, ck, ik, sqn);
            }
            sqnMs = _highestSqn;
        }

        CryptographicOperations.ZeroMemory(res);
        CryptographicOperations.ZeroMemory(ck);
        CryptographicOperations.ZeroMemory(ik);
        var auts = new byte[AkaLength.Auts];
        AkaResynchronization.Build(milenage, rand, sqnMs, auts);
        return UsimAuthenticationResult.SyncFailure(auts, sqn);
    }

    private bool IsFresh(long sqn)
    {
        long seq = SequenceNumber.Seq(sqn, _options.IndBits);
        long seqMs = SequenceNumber.Seq(_highestSqn, _options.IndBits);
        // C.2.1: no jump larger than Δ beyond the highest accepted SEQ.
        if (_options.Delta is { } delta && seq - seqMs > delta) return false;
        // C.2.2: optional limit L on how far behind SEQ_MS a vector may be.
        if (_options.AgeLimit is { } limit && seqMs - seq >= limit) return false;
        // C.2.2: fresh only if above the entry of its own IND slot.
        return seq > _seqMs[SequenceNumber.Ind(sqn, _options.IndBits)];
    }

    private void Record(long sqn)
    {
        long seq = SequenceNumber.Seq(sqn, _options.IndBits);
        int ind = SequenceNumber.Ind(sqn, _options.IndBits);
        if (seq > _seqMs[ind]) _seqMs[ind] = seq;
        if (seq > SequenceNumber.Seq(_highestSqn, _options.IndBits)) _highestSqn = sqn;
    }
}
