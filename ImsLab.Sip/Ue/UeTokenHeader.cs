using ImsLab.Sip.Messages;

namespace ImsLab.Sip.Ue;

/// <summary>
/// A "token *(; generic-param)" header value as the UE reads Event (RFC 6665 8.2.1) and Subscription-State
/// (RFC 6665 8.2.3). Remote input: an unparsable value reads as null.
/// </summary>
internal sealed record UeTokenHeader(string Token, SipParameters Parameters)
{
    public static UeTokenHeader? Read(SipMessage message, string headerName)
    {
        var text = message.Headers.GetFirst(headerName)?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        var semicolon = text.IndexOf(';');
        var token = (semicolon < 0 ? text : text[..semicolon]).Trim();
        if (token.Length == 0) return null;
        if (!SipParameters.TryParseHeaderParameters(semicolon < 0 ? [] : text.AsSpan(semicolon), out var parameters)) return null;
        return new UeTokenHeader(token, parameters);
    }
}
