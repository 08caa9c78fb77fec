namespace ImsLab.Sip.Authentication.Aka;

/// <summary>
/// The USIM's answer to a challenge. <see cref="Res"/>, <see cref="Ck"/> and <see cref="Ik"/> are set on
/// <see cref="UsimAuthenticationOutcome.Success"/>, <see cref="Auts"/> on
/// <see cref="UsimAuthenticationOutcome.SyncFailure"/>. ToString never shows the secrets.
/// </summary>
public sealed class UsimAuthenticationResult
{
    private UsimAuthenticationResult(UsimAuthenticationOutcome outcome, byte[]? res, byte[]? ck, byte[]? ik, byte[]? auts, long sqn)
    {
        Outcome = outcome;
        Res = AsMemory(res);
        Ck = AsMemory(ck);
        Ik = AsMemory(ik);
        Auts = AsMemory(auts);
        Sqn = sqn;
    }

    /// <summary>The outcome.</summary>
    public UsimAuthenticationOutcome Outcome { get; }

    /// <summary>RES (f2) on success.</summary>
    public ReadOnlyMemory<byte>? Res { get; }

    /// <summary>CK (f3) on success.</summary>
    public ReadOnlyMemory<byte>? Ck { get; }

    /// <summary>IK (f4) on success.</summary>
    public ReadOnlyMemory<byte>? Ik { get; }

    /// <summary>AUTS on a synchronisation failure.</summary>
    public ReadOnlyMemory<byte>? Auts { get; }

    /// <summary>The SQN recovered from AUTN (zero on a MAC failure).</summary>
    public long Sqn { get; }

    internal static UsimAuthenticationResult Success(byte[] res, byte[] ck, byte[] ik, long sqn) =>
        new(UsimAuthenticationOutcome.Success, res, ck, ik, null, sqn);

    internal static UsimAuthenticationResult SyncFailure(byte[] auts, long sqn) =>
        new(UsimAuthenticationOutcome.SyncFailure, null, null, null, auts, sqn);

    internal static UsimAuthenticationResult MacFailure() => new(UsimAuthenticationOutcome.MacFailure, null, null, null, null, 0);

    // A null array (or a bare null literal) converts implicitly to an empty ReadOnlyMemory, which would read as "present".
    private static ReadOnlyMemory<byte>? AsMemory(byte[]? value) => value is null ? default(ReadOnlyMemory<byte>?) : value;

    /// <inheritdoc />
    public override string ToString() =>
        $"UsimAuthenticationResult {{ Outcome = {Outcome}, Sqn = {Sqn}, Res = <redacted>, Ck = <redacted>, Ik = <redacted> }}";
}
