using System.Text;

namespace ImsLab.Tests.Sip.Support;

/// <summary>Raw SIP text as a peer would put it on the wire.</summary>
internal static class SipWire
{
    public const string Crlf = "\r\n";

    /// <summary>
    /// A request from <paramref name="peer"/>: its Via names the peer's transport and address unless
    /// <paramref name="via"/> gives another value.
    /// </summary>
    public static string Request(
        string method,
        SipTestPeer peer,
        string? branch = null,
        string? callId = null,
        int cseq = 1,
        int? maxForwards = 70,
        string? via = null,
        string requestUri = "sip:ims.lab",
        string? extraHeaders = null,
        string body = "")
    {
        var text = new StringBuilder()
            .Append(method).Append(' ').Append(requestUri).Append(" SIP/2.0").Append(Crlf)
            .Append("Via: ").Append(via ?? $"SIP/2.0/{peer.ViaTransport} {peer.SentBy};branch={branch ?? NewBranch()}").Append(Crlf);
        if (maxForwards is { } mf)
        {
            text.Append("Max-Forwards: ").Append(mf).Append(Crlf);
        }

        text.Append("From: <sip:alice@ims.lab>;tag=a73kszlfl").Append(Crlf)
            .Append("To: <sip:alice@ims.lab>").Append(Crlf)
            .Append("Call-ID: ").Append(callId ?? Guid.NewGuid().ToString("N")).Append(Crlf)
            .Append("CSeq: ").Append(cseq).Append(' ').Append(method == "ACK" ? "ACK" : method).Append(Crlf);
        if (extraHeaders is not null)
        {
            text.Append(extraHeaders.TrimEnd('\r', '\n')).Append(Crlf);
        }

        return text.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body)).Append(Crlf).Append(Crlf).Append(body).ToString();
    }

    public static string NewBranch() => "z9hG4bK" + Guid.NewGuid().ToString("N")[..16];
}
