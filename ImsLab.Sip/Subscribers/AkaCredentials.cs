namespace ImsLab.Sip.Subscribers;

/// <summary>
/// The USIM/ISIM secrets the network side of AKA needs (TS 33.102, TS 35.206). OPc is always present: when the
/// operator provisioned OP, the store derives OPc (TS 35.206 4.1) when it loads the subscriber. Plaintext lives in
/// memory only; <see cref="ToString"/> never shows it.
/// </summary>
/// <param name="K">Subscriber key, 16 bytes.</param>
/// <param name="Opc">OPc, 16 bytes.</param>
/// <param name="Amf">Authentication management field, 2 bytes (TS 33.102 6.3.2).</param>
public sealed record AkaCredentials(byte[] K, byte[] Opc, byte[] Amf)
{
    /// <summary>Length of K and OPc in bytes (TS 35.206 2.3).</summary>
    public const int KeyLength = 16;

    /// <summary>Length of the AMF in bytes (TS 33.102 6.3.2).</summary>
    public const int AmfLength = 2;

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("K = ***, Opc = ***, Amf = ").Append(Convert.ToHexStringLower(Amf));
        return true;
    }
}
