namespace ImsLab.Sip.Messages;

/// <summary>
/// Walks the comma-separated values of one header line (RFC 3261 7.3.1) without allocating: commas inside quoted
/// strings and &lt;...&gt; do not split, each value is LWS-trimmed, and an empty line yields one empty value.
/// </summary>
internal ref struct SipCommaSplitter
{
    private ReadOnlySpan<char> _rest;
    private bool _done;

    public SipCommaSplitter(ReadOnlySpan<char> line)
    {
        _rest = line;
    }

    public ReadOnlySpan<char> Current { get; private set; }

    /// <summary>True when a quote or angle bracket was left open; <see cref="MoveNext"/> then returns false.</summary>
    public bool IsUnbalanced { get; private set; }

    public bool MoveNext()
    {
        if (_done)
        {
            return false;
        }

        var comma = SipGrammar.IndexOfUnquoted(_rest, ',');
        if (comma == -2)
        {
            IsUnbalanced = true;
            _done = true;
            return false;
        }

        Current = SipGrammar.TrimLws(comma < 0 ? _rest : _rest[..comma]);
        _done = comma < 0;
        _rest = comma < 0 ? [] : _rest[(comma + 1)..];
        return true;
    }
}
