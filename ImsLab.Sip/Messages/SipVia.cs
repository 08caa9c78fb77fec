using System.Globalization;

namespace ImsLab.Sip.Messages;

/// <summary>One Via value (RFC 3261 20.42) with the parameters of RFC 3261 18.2 and RFC 3581.</summary>
public sealed record SipVia(string Protocol, string Transport, string Host, int? Port, SipParameters Parameters)
{
    /// <summary>The RFC 3261 magic cookie that starts every compliant branch (RFC 3261 8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    /// <summary>The branch parameter, or null.</summary>
    public string? Branch => Parameters.Get("branch");

    /// <summary>The received parameter (RFC 3261 18.2.1), or null.</summary>
    public string? Received => Parameters.Get("received");

    /// <summary>True when an rport parameter is present, with or without a value (RFC 3581 4).</summary>
    public bool HasRport => Parameters.Contains("rport");

    /// <summary>The rport value filled in by a server (RFC 3581 4), or null.</summary>
    public int? Rport => ParseInt(Parameters.Get("rport"), 65535);

    /// <summary>The maddr parameter, or null.</summary>
    public string? Maddr => Parameters.Get("maddr");

    /// <summary>The ttl parameter (0..255), or null.</summary>
    public int? Ttl => ParseInt(Parameters.Get("ttl"), 255);

    /// <summary>"SIP/2.0/UDP host:port;params".</summary>
    public override string ToString()
    {
        var port = Port is { } p ? ":" + p.ToString(CultureInfo.InvariantCulture) : string.Empty;
        return $"{Protocol}/{Transport} {Host}{port}{Parameters}";
    }

    private static int? ParseInt(string? text, int max) =>
        text is not null && SipGrammar.TryParseDecimal(text, max, out var value) ? (int)value : null;

    /// <summary>Parses one Via value (after splitting on commas). LWS is allowed around '/', ':' and ';' (RFC 3261 25.1).</summary>
    internal static bool TryParse(ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SipVia? via) =>
        TryParse(text, build: true, out via) && via is not null;

    /// <summary>True when <see cref="TryParse(ReadOnlySpan{char}, out SipVia?)"/> would succeed; builds nothing.</summary>
    internal static bool IsValid(ReadOnlySpan<char> text) => TryParse(text, build: false, out _);

    // One grammar walk for parsing and for validating: without build it checks the same rules and allocates nothing.
    private static bool TryParse(ReadOnlySpan<char> text, bool build, out SipVia? via)
    {
        via = null;
        var firstSlash = text.IndexOf('/');
        if (firstSlash < 0)
        {
            return false;
        }

        var secondSlash = text[(firstSlash + 1)..].IndexOf('/');
        if (secondSlash < 0)
        {
            return false;
        }

        secondSlash += firstSlash + 1;
        var name = SipGrammar.TrimLws(text[..firstSlash]);
        var version = SipGrammar.TrimLws(text[(firstSlash + 1)..secondSlash]);
        if (!SipGrammar.IsToken(name) || !SipGrammar.IsToken(version))
        {
            return false;
        }

        var rest = SipGrammar.TrimLws(text[(secondSlash + 1)..]);
        var transportEnd = rest.IndexOfAny(" \t\r\n");
        if (transportEnd <= 0)
        {
            return false;
        }

        var transport = rest[..transportEnd];
        if (!SipGrammar.IsToken(transport))
        {
            return false;
        }

        rest = SipGrammar.TrimLws(rest[transportEnd..]);
        var semicolon = rest.IndexOf(';');
        var sentBy = semicolon < 0 ? rest : rest[..semicolon];
        if (!TryParseSentBy(sentBy, build, out var host, out var port))
        {
            return false;
        }

        if (!build)
        {
            return semicolon < 0 || SipParameters.AreValidHeaderParameters(rest[semicolon..]);
        }

        SipParameters? parameters = null;
        if (semicolon >= 0 && !SipParameters.TryParseHeaderParameters(rest[semicolon..], out parameters))
        {
            return false;
        }

        var protocol = name.Equals("SIP", StringComparison.OrdinalIgnoreCase) && version is "2.0" ? "SIP/2.0" : $"{name}/{version}";
        via = new SipVia(protocol, NormalizeTransport(transport), host, port, parameters ?? new SipParameters());
        return true;
    }

    private static bool TryParseSentBy(ReadOnlySpan<char> text, bool build, out string host, out int? port)
    {
        text = SipGrammar.TrimLws(text);
        if (text.Length <= 512 && !text.ContainsAny(" \t\r\n"))
        {
            // The usual sent-by, "host:port" without LWS, needs no compacting.
            return SipUri.TryParseHostPort(text, build, out host, out port);
        }

        // RFC 3261 25.1 COLON = SWS ":" SWS: remove LWS around the port colon before the strict hostport parse.
        Span<char> compact = stackalloc char[Math.Min(text.Length, 512)];
        if (text.Length > compact.Length)
        {
            host = string.Empty;
            port = null;
            return false;
        }

        var length = 0;
        foreach (var c in text)
        {
            if (!SipGrammar.IsWhitespace(c) && c is not ('\r' or '\n'))
            {
                compact[length++] = c;
            }
        }

        // Whitespace is only allowed around the colon, never inside the host or port.
        if (length != text.Length)
        {
            var colon = text.LastIndexOf(':');
            var inner = colon < 0 ? text : text[..colon];
            if (SipGrammar.TrimLws(inner).ContainsAny(" \t\r\n") ||
                (colon >= 0 && SipGrammar.TrimLws(text[(colon + 1)..]).ContainsAny(" \t\r\n")))
            {
                host = string.Empty;
                port = null;
                return false;
            }
        }

        return SipUri.TryParseHostPort(compact[..length], build, out host, out port);
    }

    private static string NormalizeTransport(ReadOnlySpan<char> transport)
    {
        foreach (var known in (ReadOnlySpan<string>)["UDP", "TCP", "TLS", "SCTP", "WS", "WSS", "TLS-SCTP"])
        {
            if (transport.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return transport.ToString();
    }
}
