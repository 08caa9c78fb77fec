namespace ImsLab.Sip.RegEvent;

/// <summary>The <c>state</c> attribute of the <c>reginfo</c> element (RFC 3680 5.3).</summary>
internal enum ReginfoState
{
    /// <summary>The document carries the complete registration state of the resource.</summary>
    Full,
    /// <summary>The document carries only the registrations that changed since the previous one.</summary>
    Partial,
}
