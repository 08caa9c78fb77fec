namespace ImsLab.Sip.Transactions;

/// <summary>Method names the transaction layer and the stack treat specially, and the methods the stack knows of.</summary>
internal static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Cancel = "CANCEL";
    public const string Options = "OPTIONS";
    public const string Register = "REGISTER";

    /// <summary>
    /// Methods defined by RFC 3261 and its extensions (PRACK 3262, SUBSCRIBE/NOTIFY 6665, UPDATE 3311, MESSAGE 3428,
    /// REFER 3515, PUBLISH 3903, INFO 6086). Without a handler these get 405; any other method gets 501 (RFC 3261 21.5.2).
    /// </summary>
    public static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        Invite, Ack, Cancel, "BYE", Options, Register, "PRACK", "SUBSCRIBE", "NOTIFY", "UPDATE", "MESSAGE", "REFER", "PUBLISH", "INFO",
    };
}
