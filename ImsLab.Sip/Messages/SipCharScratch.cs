namespace ImsLab.Sip.Messages;

/// <summary>
/// One char buffer per thread into which the parser and the header readers widen received ASCII values. A stackalloc
/// of this size is zeroed on every call (the project does not skip locals init), which cost more than the parse steps
/// that use it. Holders use it for one value at a time and call nothing that takes it again while they hold it.
/// </summary>
internal static class SipCharScratch
{
    /// <summary>Values longer than this are decoded into their string instead.</summary>
    public const int Length = 1024;

    [ThreadStatic]
    private static char[]? t_buffer;

    public static Span<char> Get() => t_buffer ??= new char[Length];
}
