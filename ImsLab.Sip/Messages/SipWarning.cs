using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ImsLab.Sip.Messages;

/// <summary>One Warning value (RFC 3261 20.43): 3-digit code, agent (host or pseudonym) and quoted text.</summary>
public sealed record SipWarning(int Code, string Agent, string Text)
{
    /// <summary>"399 agent \"text\"".</summary>
    public override string ToString() =>
        Code.ToString(CultureInfo.InvariantCulture) + " " + Agent + " \"" + Text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    internal static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipWarning? value)
    {
        value = null;
        text = SipGrammar.TrimLws(text);
        var firstSpace = text.IndexOfAny(" \t");
        if (firstSpace != 3 || !SipGrammar.TryParseDecimal(text[..3], 999, out var code) || code < 100)
        {
            return false;
        }

        var rest = SipGrammar.TrimLws(text[firstSpace..]);
        var secondSpace = rest.IndexOfAny(" \t");
        if (secondSpace <= 0)
        {
            return false;
        }

        var agent = rest[..secondSpace];
        var quoted = SipGrammar.TrimLws(rest[secondSpace..]);
        if (quoted.IsEmpty || quoted[0] != '"' || SipGrammar.FindClosingQuote(quoted, 0) != quoted.Length - 1)
        {
            return false;
        }

        value = new SipWarning((int)code, agent.ToString(), SipGrammar.Unquote(quoted));
        return true;
    }
}
