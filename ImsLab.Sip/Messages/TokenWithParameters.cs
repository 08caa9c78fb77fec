namespace ImsLab.Sip.Messages;

/// <summary>Parses the common shape token *( SEMI generic-param ) of Event, Security-*, Subscription-State and friends.</summary>
internal static class TokenWithParameters
{
    public static bool TryParse(ReadOnlySpan<char> text, out string token, out SipParameters parameters)
    {
        text = SipGrammar.TrimLws(text);
        var semicolon = text.IndexOf(';');
        var head = SipGrammar.TrimLws(semicolon < 0 ? text : text[..semicolon]);
        parameters = new SipParameters();
        token = string.Empty;
        if (!SipGrammar.IsToken(head) ||
            (semicolon >= 0 && !SipParameters.TryParseHeaderParameters(text[semicolon..], out parameters)))
        {
            return false;
        }

        token = head.ToString();
        return true;
    }
}
