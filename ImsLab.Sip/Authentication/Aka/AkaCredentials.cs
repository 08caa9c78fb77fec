using System.Security.Cryptography;

namespace ImsLab.Sip.Authentication.Aka;

/// <summary>
/// A subscriber's AKA secrets as provisioned in the HSS / USIM: K, OPc (derived once when only OP is provisioned)
/// and the AMF the home network puts in AUTN. ToString never shows the keys.
/// </summary>
public sealed class AkaCredentials
{
    private readonly byte[] _k;
    private readonly byte[] _opc;
    private readonly byte[] _amf;

    private AkaCredentials(byte[] k, byte[] opc, byte[] amf)
    {
        _k = k;
        _opc = opc;
        _amf = amf;
    }

    /// <summary>Subscriber key K (16 octets).</summary>
    public ReadOnlySpan<byte> K => _k;

    /// <summary>OPc (16 octets).</summary>
    public ReadOnlySpan<byte> Opc => _opc;

    /// <summary>Authentication management field (2 octets).</summary>
    public ReadOnlySpan<byte> Amf => _amf;

    /// <summary>Credentials from K and OPc.</summary>
    public static AkaCredentials FromOpc(ReadOnlySpan<byte> k, ReadOnlySpan<byte> opc, ReadOnlySpan<byte> amf)
    {
        AuthenticationThrowHelper.ThrowIfWrongLength(k, AkaLength.K, nameof(k));
        AuthenticationThrowHelper.ThrowIfWrongLength(opc, AkaLength.Opc, nameof(opc));
        AuthenticationThrowHelper.ThrowIfWrongLength(amf, AkaLength.Amf, nameof(amf));
        return new AkaCredentials(k.ToArray(), opc.ToArray(), amf.ToArray());
    }

    /// <summary>Credentials from K and OP; OPc is derived here (TS 35.206 4.1).</summary>
    public static AkaCredentials FromOp(ReadOnlySpan<byte> k, ReadOnlySpan<byte> op, ReadOnlySpan<byte> amf)
    {
        AuthenticationThrowHelper.ThrowIfWrongLength(amf, AkaLength.Amf, nameof(amf));
        return new AkaCredentials(k.ToArray(), Milenage.ComputeOpc(k, op), amf.ToArray());
    }

    /// <summary>A MILENAGE instance keyed with these credentials; the caller disposes it.</summary>
    public Milenage CreateMilenage() => new(_k, _opc);

    /// <summary>Overwrites the keys held here.</summary>
    public void Clear()
    {
        CryptographicOperations.ZeroMemory(_k);
        CryptographicOperations.ZeroMemory(_opc);
    }

    /// <inheritdoc />
    public override string ToString() => $"AkaCredentials {{ K = <redacted>, OPc = <redacted>, AMF = {Convert.ToHexStringLower(_amf)} }}";
}
