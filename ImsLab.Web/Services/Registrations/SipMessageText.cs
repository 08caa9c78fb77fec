namespace ImsLab.Web.Services.Registrations;

/// <summary>Splits a traced SIP message into lines for display (RFC 3261 7).</summary>
public static class SipMessageText
{
    /// <summary>The message's lines; the body is kept verbatim after a separator line, a message without body has none.</summary>
    public static IReadOnlyList<SipMessageLine> Lines(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var lines = new List<SipMessageLine>();
        var inBody = false;
        foreach (var line in message.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (inBody)
            {
                lines.Add(new SipMessageLine(SipMessageLineKind.Body, "", text));
            }
            else if (lines.Count == 0)
            {
                lines.Add(new SipMessageLine(SipMessageLineKind.StartLine, "", text));
            }
            else if (text.Length == 0)
            {
                inBody = true;
                lines.Add(new SipMessageLine(SipMessageLineKind.Separator, "", ""));
            }
            else if (text[0] is ' ' or '\t')
            {
                lines.Add(new SipMessageLine(SipMessageLineKind.Continuation, "", text));
            }
            else if (text.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                lines.Add(new SipMessageLine(SipMessageLineKind.Header, text[..colon].TrimEnd(), text[(colon + 1)..].TrimStart()));
            }
            else
            {
                // Not a header: shown as is rather than hidden, the trace is the wire truth.
                lines.Add(new SipMessageLine(SipMessageLineKind.Continuation, "", text));
            }
        }
        // A message ending in CRLF CRLF has no body: drop the empty string after the last split and the separator.
        while (lines.Count > 0 && lines[^1] is { Kind: SipMessageLineKind.Body or SipMessageLineKind.Separator, Value.Length: 0 })
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }

    /// <summary>A short label for a ladder arrow: the method of a request, "401 Unauthorized" for a response.</summary>
    public static string Summary(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var end = message.IndexOfAny(['\r', '\n']);
        var startLine = end < 0 ? message : message[..end];
        if (startLine.StartsWith("SIP/2.0 ", StringComparison.Ordinal))
        {
            return startLine["SIP/2.0 ".Length..].Trim();
        }
        var space = startLine.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? startLine[..space] : startLine.Trim();
    }

    /// <summary>The value of the first header called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static string? Header(string message, string name) =>
        Lines(message).FirstOrDefault(l => l.Kind == SipMessageLineKind.Header && l.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;
}
