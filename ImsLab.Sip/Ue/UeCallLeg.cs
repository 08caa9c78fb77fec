using System.Security.Cryptography;

namespace ImsLab.Sip.Ue;

/// <summary>
/// The Call-ID, local tag, CSeq counter and (once known) remote tag of one UE-originated request sequence: the
/// registration (RFC 3261 10.2: one Call-ID, CSeq counting up) or a reg-event subscription dialog.
/// </summary>
internal sealed class UeCallLeg(string host)
{
    private long _cseq;

    public string CallId { get; } = $"{NewToken()}@{host}";

    public string LocalTag { get; } = NewToken();

    /// <summary>The peer's tag once a response created the dialog (RFC 6665 4.1.2.1: the 2xx's To tag).</summary>
    public string? RemoteTag { get; set; }

    public uint NextCSeq() => (uint)Interlocked.Increment(ref _cseq);

    /// <summary>A random token for Call-IDs, tags and cnonces (RFC 3261 19.3: at least 32 bits of randomness).</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
