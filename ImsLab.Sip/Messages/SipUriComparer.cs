namespace ImsLab.Sip.Messages;

/// <summary>URI comparison rules of RFC 3261 19.1.4 and RFC 3966 4.</summary>
internal static class SipUriComparer
{
    // RFC 3261 19.1.4: these parameters, when present in only one URI, make the URIs differ.
    private static readonly string[] MustMatchParameters = ["user", "ttl", "method", "maddr", "transport"];

    public static bool AreEqual(SipUri a, SipUri b)
    {
        if (!string.Equals(a.Scheme, b.Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        if (a.SchemeSpecificPart is not null || b.SchemeSpecificPart is not null)
        {
            return string.Equals(a.SchemeSpecificPart, b.SchemeSpecificPart, StringComparison.OrdinalIgnoreCase);
        }

        if (a.TelNumber is not null || b.TelNumber is not null)
        {
            // RFC 3966 4: visual separators are ignored; parameters compare case-insensitively and must all match.
            return a.TelNumber is not null && b.TelNumber is not null &&
                   string.Equals(StripVisualSeparators(a.TelNumber), StripVisualSeparators(b.TelNumber), StringComparison.OrdinalIgnoreCase) &&
                   AllParametersMatch(a.Parameters, b.Parameters);
        }

        // User and password are case-sensitive, after unescaping; host is case-insensitive; a missing port differs
        // from an explicit default port.
        return string.Equals(Unescape(a.User), Unescape(b.User), StringComparison.Ordinal) &&
               string.Equals(Unescape(a.Password), Unescape(b.Password), StringComparison.Ordinal) &&
               string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) &&
               a.Port == b.Port &&
               UriParametersMatch(a.Parameters, b.Parameters) &&
               AllParametersMatch(a.Headers, b.Headers);
    }

    public static int GetHashCode(SipUri uri)
    {
        var hash = new HashCode();
        hash.Add(uri.Scheme);
        if (uri.TelNumber is not null)
        {
            hash.Add(StripVisualSeparators(uri.TelNumber), StringComparer.OrdinalIgnoreCase);
        }
        else if (uri.SchemeSpecificPart is not null)
        {
            hash.Add(uri.SchemeSpecificPart, StringComparer.OrdinalIgnoreCase);
        }
        else
        {
            hash.Add(Unescape(uri.User));
            hash.Add(uri.Host, StringComparer.OrdinalIgnoreCase);
            hash.Add(uri.Port);
        }

        return hash.ToHashCode();
    }

    private static bool UriParametersMatch(SipParameters a, SipParameters b)
    {
        foreach (var (name, value) in a)
        {
            if (b.Contains(name))
            {
                if (!ValuesEqual(value, b.Get(name)))
                {
                    return false;
                }
            }
            else if (IsMustMatch(name))
            {
                return false;
            }
        }

        foreach (var (name, _) in b)
        {
            if (!a.Contains(name) && IsMustMatch(name))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllParametersMatch(SipParameters a, SipParameters b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (name, value) in a)
        {
            if (!b.Contains(name) || !ValuesEqual(value, b.Get(name)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ValuesEqual(string? a, string? b) =>
        string.Equals(a is null ? null : Unescape(a), b is null ? null : Unescape(b), StringComparison.OrdinalIgnoreCase);

    private static bool IsMustMatch(string name)
    {
        foreach (var candidate in MustMatchParameters)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Unescape(string? text) => text is null ? null : SipGrammar.Unescape(text);

    private static string StripVisualSeparators(string number) => string.Concat(number.Where(c => c is not ('-' or '.' or '(' or ')')));
}
