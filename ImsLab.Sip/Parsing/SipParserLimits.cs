namespace ImsLab.Sip.Parsing;

/// <summary>Limits that protect the server from oversized input.</summary>
/// <param name="MaxMessageBytes">Largest message (start line, headers and body) accepted.</param>
/// <param name="MaxHeaderCount">Most header lines (folded lines count once).</param>
/// <param name="MaxHeaderLineBytes">Longest header field including its continuation lines.</param>
public sealed record SipParserLimits(int MaxMessageBytes = 65535, int MaxHeaderCount = 128, int MaxHeaderLineBytes = 8192)
{
    /// <summary>64 KiB messages, 128 headers, 8 KiB per header.</summary>
    public static SipParserLimits Default { get; } = new();
}
