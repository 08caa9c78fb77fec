namespace ImsLab.Sip.Messages;

/// <summary>The CSeq header: sequence number and method (RFC 3261 20.16).</summary>
public readonly record struct SipCSeq(uint Number, string Method)
{
    /// <summary>"number METHOD".</summary>
    public override string ToString() => $"{Number} {Method}";

    internal static bool TryParse(ReadOnlySpan<char> text, out SipCSeq cseq)
    {
        cseq = default;
        text = SipGrammar.TrimLws(text);
        var space = text.IndexOfAny(" \t\r\n");
        if (space <= 0)
        {
            return false;
        }

        // RFC 3261 8.1.1.5: the sequence number MUST be expressible as a 32-bit unsigned integer.
        if (!SipGrammar.TryParseDecimal(text[..space], uint.MaxValue, out var number))
        {
            return false;
        }

        var method = SipGrammar.TrimLws(text[space..]);
        if (!SipGrammar.IsToken(method))
        {
            return false;
        }

        cseq = new SipCSeq((uint)number, SipMethods.Intern(method));
        return true;
    }
}
