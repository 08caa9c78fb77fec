namespace ImsLab.Sip.Parsing;

/// <summary>What <see cref="SipHeaderScanner.Next"/> found.</summary>
internal enum SipScanStatus
{
    Header,
    EndOfHeaders,
    Error,
}
