namespace ImsLab.Sip.Messages;

/// <summary>
/// Parses ( name-addr / addr-spec ) *( SEMI param ) as used by From, To, Contact, Route, Path and friends
/// (RFC 3261 20.10, 20.20, 25.1).
/// </summary>
internal static class NameAddressParser
{
    public static bool TryParse(
        ReadOnlySpan<char> text, out string? displayName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SipUri? uri,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SipParameters? parameters) =>
        TryParse(text, build: true, out displayName, out uri, out parameters) && uri is not null && parameters is not null;

    /// <summary>True when <see cref="TryParse(ReadOnlySpan{char}, out string?, out SipUri?, out SipParameters?)"/> would succeed; builds nothing.</summary>
    public static bool IsValid(ReadOnlySpan<char> text) => TryParse(text, build: false, out _, out _, out _);

    // One grammar walk for parsing and for validating: without build it checks the same rules and allocates nothing.
    private static bool TryParse(ReadOnlySpan<char> text, bool build, out string? displayName, out SipUri? uri, out SipParameters? parameters)
    {
        displayName = null;
        uri = null;
        parameters = null;
        text = SipGrammar.TrimLws(text);
        if (text.IsEmpty)
        {
            return false;
        }

        int open;
        if (text[0] == '"')
        {
            var close = SipGrammar.FindClosingQuote(text, 0);
            if (close < 0)
            {
                return false;
            }

            displayName = build ? SipGrammar.Unquote(text[..(close + 1)]) : null;
            var afterQuote = SipGrammar.TrimLws(text[(close + 1)..]);
            if (afterQuote.IsEmpty || afterQuote[0] != '<')
            {
                return false;
            }

            open = text.Length - afterQuote.Length;
        }
        else
        {
            open = text.IndexOf('<');
            if (open > 0)
            {
                // RFC 3261 25.1: display-name = *(token LWS) / quoted-string.
                var tokens = SipGrammar.TrimLws(text[..open]);
                foreach (var range in tokens.SplitAny(" \t\r\n"))
                {
                    var token = tokens[range];
                    if (!token.IsEmpty && !SipGrammar.IsToken(token))
                    {
                        return false;
                    }
                }

                displayName = tokens.IsEmpty || !build ? null : tokens.ToString();
            }
        }

        ReadOnlySpan<char> uriText;
        ReadOnlySpan<char> rest;
        if (open >= 0)
        {
            var close = text[open..].IndexOf('>');
            if (close < 0)
            {
                return false;
            }

            close += open;
            uriText = text[(open + 1)..close];
            rest = text[(close + 1)..];
        }
        else
        {
            // RFC 3261 20.10: without <>, the URI ends at the first ';', and may not hold ',', '?' or ';' itself.
            var semicolon = text.IndexOf(';');
            uriText = SipGrammar.TrimLws(semicolon < 0 ? text : text[..semicolon]);
            rest = semicolon < 0 ? [] : text[semicolon..];
            if (uriText.ContainsAny(",? \t\r\n\""))
            {
                return false;
            }
        }

        if (!build)
        {
            return SipUri.IsValid(uriText, out _) && SipParameters.AreValidHeaderParameters(rest);
        }

        if (!SipUri.TryParse(uriText, out uri))
        {
            return false;
        }

        return SipParameters.TryParseHeaderParameters(rest, out parameters);
    }

    /// <summary>Parses and builds a name-addr shaped value (From/To/Route... or Contact) without throwing.</summary>
    public static bool TryCreate<T>(ReadOnlySpan<char> text, Func<string?, SipUri, SipParameters, T> create, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
        where T : class
    {
        value = TryParse(text, out var display, out var uri, out var parameters) ? create(display, uri, parameters) : null;
        return value is not null;
    }

    /// <summary>Formats [ "display" ] &lt;uri&gt; ;params, quoting the display name when it is not a token list.</summary>
    public static string Format(string? displayName, SipUri uri, SipParameters parameters)
    {
        var builder = new System.Text.StringBuilder(64);
        if (!string.IsNullOrEmpty(displayName))
        {
            builder.Append('"');
            foreach (var c in displayName)
            {
                if (c is '"' or '\\')
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }

            builder.Append("\" ");
        }

        builder.Append('<').Append(uri).Append('>');
        parameters.AppendTo(builder, ';');
        return builder.ToString();
    }
}
