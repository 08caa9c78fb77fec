using System.Globalization;
using ImsLab.Sip.Messages;

namespace ImsLab.Sip.Transactions;

/// <summary>
/// What identifies a server transaction (RFC 3261 17.2.3): the branch, the sent-by of the top Via and the method,
/// where an ACK belongs to the INVITE it acknowledges. Requests from RFC 2543 elements (no magic cookie) are keyed by
/// the RFC 2543 rules instead: Request-URI, From tag, Call-ID, CSeq number and the top Via.
/// </summary>
// The sent-by is kept as host and port rather than joined into one string: a key lives as long as its transaction
// (Timer J, 32 s over UDP), and the host is a string the Via parser made, shared through a pool when the layer has one
// (a P-CSCF or a load generator sends everything from one host). No port is not port 5060 (17.2.3
// compares the sent-by as written), hence -1.
internal readonly record struct SipTransactionKey(string Branch, string SentByHost, int SentByPort, string Method)
{
    private const string Rfc2543Prefix = "rfc2543|";

    /// <summary>The key of <paramref name="request"/>; the sent-by host is taken from <paramref name="hosts"/> when given.</summary>
    public static bool TryCreate(SipRequest request, out SipTransactionKey key, SipStringPool? hosts = null)
    {
        var method = request.Method == SipMethods.Ack ? SipMethods.Invite : request.Method;
        return TryCreate(request, method, hosts, out key);
    }

    /// <summary>The key of the transaction a CANCEL targets (RFC 3261 9.2): the CANCEL's own, with the cancelled method.</summary>
    public static bool TryCreateCancelled(SipRequest cancel, string cancelledMethod, out SipTransactionKey key, SipStringPool? hosts = null) =>
        TryCreate(cancel, cancelledMethod, hosts, out key);

    private static bool TryCreate(SipRequest request, string method, SipStringPool? hosts, out SipTransactionKey key)
    {
        key = default;
        if (request.TopVia is not { } via)
        {
            return false;
        }

        var host = via.Host.ToLowerInvariant();
        host = hosts?.Share(host) ?? host;
        var port = via.Port ?? -1;
        if (via.Branch is { } branch && IsRfc3261Branch(branch))
        {
            key = new SipTransactionKey(branch, host, port, method);
            return true;
        }

        // RFC 3261 17.2.3, RFC 2543 matching. The To tag is left out so that the ACK for a final response (which
        // carries our tag) finds its INVITE.
        var legacy = string.Join('|', Rfc2543Prefix, via.Branch, request.RequestUri.ToString(), request.From?.Tag,
            request.CallId, request.CSeq?.Number.ToString(CultureInfo.InvariantCulture));
        key = new SipTransactionKey(legacy, host, port, method);
        return true;
    }

    /// <summary>RFC 3261 8.1.1.7: a branch from an RFC 3261 element starts with the magic cookie and has something after it.</summary>
    public static bool IsRfc3261Branch(string branch) =>
        branch.Length > SipVia.MagicCookie.Length && branch.StartsWith(SipVia.MagicCookie, StringComparison.Ordinal);
}
