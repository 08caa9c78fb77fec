namespace ImsLab.Sip.Ue;

/// <summary>Media feature tags the UE puts on its Contact (RFC 3840, TS 24.229 5.1.1.2.1, GSMA IR.92).</summary>
[Flags]
public enum UeFeatureTag
{
    /// <summary>No feature tags.</summary>
    None = 0,

    /// <summary>+g.3gpp.icsi-ref for IMS Multimedia Telephony (urn:urn-7:3gpp-service.ims.icsi.mmtel, TS 24.173).</summary>
    Mmtel = 1,

    /// <summary>+g.3gpp.smsip: SMS over IP (TS 24.341 5.3.2.2).</summary>
    SmsIp = 2,

    /// <summary>video (RFC 3840).</summary>
    Video = 4,
}
