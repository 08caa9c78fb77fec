namespace ImsLab.Sip.Ue;

/// <summary>Which way a traced SIP message went, seen from the UE.</summary>
public enum UeSipDirection
{
    /// <summary>The UE sent it.</summary>
    Sent,

    /// <summary>The UE received it.</summary>
    Received,
}
