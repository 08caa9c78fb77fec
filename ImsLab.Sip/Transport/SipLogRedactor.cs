using System.Text;
using ImsLab.Sip.Messages;

namespace ImsLab.Sip.Transport;

/// <summary>Renders a message for Trace logs with every credential-bearing header value blanked.</summary>
internal static class SipLogRedactor
{
    private const string Redacted = "<redacted>";

    // Digest responses, AKA RES-derived values and AUTS travel in these (RFC 3261 20.7, 20.28; RFC 3310).
    private static readonly string[] CredentialHeaders =
    [
        SipHeaderNames.Authorization,
        SipHeaderNames.ProxyAuthorization,
    ];

    public static string Render(SipMessage message)
    {
        var text = new StringBuilder(512);
        switch (message)
        {
            case SipRequest request:
                text.Append(request.Method).Append(' ').Append(request.RequestUri).Append(' ').Append(request.Version);
                break;
            case SipResponse response:
                text.Append("SIP/2.0 ").Append(response.StatusCode).Append(' ').Append(response.ReasonPhrase);
                break;
        }

        foreach (var header in message.Headers)
        {
            text.Append("\r\n").Append(header.Name).Append(": ").Append(IsCredential(header.Name) ? Redacted : header.Value);
        }

        return text.Append("\r\n\r\n(").Append(message.Body.Length).Append(" octets of body)").ToString();
    }

    private static bool IsCredential(string name)
    {
        var canonical = SipHeaderNames.Canonicalize(name);
        foreach (var credential in CredentialHeaders)
        {
            if (string.Equals(canonical, credential, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
