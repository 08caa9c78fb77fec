namespace ImsLab.Sip.Messages;

/// <summary>Reads typed values out of a header list. Malformed values are skipped (lists) or read as null (single values).</summary>
internal static class SipHeaderReader
{
    public static IReadOnlyList<SipVia> ReadVias(SipHeaderList headers)
    {
        var vias = new List<SipVia>(2);
        var scratch = SipCharScratch.Get();
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers.KnownIdAt(i) != SipHeaderNames.ViaId)
            {
                continue;
            }

            var line = headers.GetValueChars(i, scratch);
            var parts = new SipCommaSplitter(line);
            while (parts.MoveNext())
            {
                if (SipVia.TryParse(parts.Current, out var via))
                {
                    vias.Add(via);
                }
            }

            // As SplitAll: a line whose quotes or brackets do not balance is also tried whole.
            if (parts.IsUnbalanced && SipVia.TryParse(line.Trim(), out var whole))
            {
                vias.Add(whole);
            }
        }

        return vias;
    }

    public static SipNameAddress? ReadNameAddress(SipHeaderList headers, string canonical)
    {
        var index = headers.IndexOf(canonical);
        var scratch = SipCharScratch.Get();
        return index >= 0 && SipNameAddress.TryParse(headers.GetValueChars(index, scratch), out var value) ? value : null;
    }

    public static IReadOnlyList<SipNameAddress> ReadNameAddresses(SipHeaderList headers, string canonical)
    {
        var values = new List<SipNameAddress>();
        foreach (var text in SipGrammar.SplitAll(headers.GetAll(canonical)))
        {
            if (SipNameAddress.TryParse(text, out var value))
            {
                values.Add(value);
            }
        }

        return values;
    }

    public static SipCSeq? ReadCSeq(SipHeaderList headers) =>
        headers.GetFirstCanonical(SipHeaderNames.CSeq) is { } text && SipCSeq.TryParse(text, out var cseq) ? cseq : null;

    public static int? ReadInteger(SipHeaderList headers, string canonical, int max) =>
        TryReadDecimal(headers, canonical, max, out var value) ? (int)value : null;

    // RFC 3261 25.1 delta-seconds; RFC 4475 scalar02: values beyond 2^32-1 are not a number we use.
    public static int? ReadDeltaSeconds(SipHeaderList headers, string canonical) =>
        TryReadDecimal(headers, canonical, uint.MaxValue, out var value) ? (int)Math.Min(value, int.MaxValue) : null;

    // The first line of the header as a decimal, read from the received octets without decoding a string.
    private static bool TryReadDecimal(SipHeaderList headers, string canonical, long max, out long value)
    {
        value = 0;
        var index = headers.IndexOf(canonical);
        return index >= 0 && SipGrammar.TryParseDecimal(SipGrammar.TrimLws(headers.GetValueChars(index, SipCharScratch.Get())), max, out value);
    }

    public static IReadOnlyList<SipContact> ReadContacts(SipHeaderList headers)
    {
        var contacts = new List<SipContact>(1);
        var scratch = SipCharScratch.Get();
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers.KnownIdAt(i) != SipHeaderNames.ContactId)
            {
                continue;
            }

            var line = headers.GetValueChars(i, scratch);
            var parts = new SipCommaSplitter(line);
            while (parts.MoveNext())
            {
                if (parts.Current is not "*" && SipContact.TryParse(parts.Current, out var contact))
                {
                    contacts.Add(contact);
                }
            }

            // As SplitAll: a line whose quotes or brackets do not balance is also tried whole.
            if (parts.IsUnbalanced && line.Trim() is var whole && whole is not "*" && SipContact.TryParse(whole, out var wholeContact))
            {
                contacts.Add(wholeContact);
            }
        }

        return contacts;
    }

    /// <summary>True when any Contact value is "*" (RFC 3261 10.2.2), alone or, malformed, beside others (10.3 step 6).</summary>
    public static bool HasWildcardContact(SipHeaderList headers)
    {
        var scratch = SipCharScratch.Get();
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers.KnownIdAt(i) != SipHeaderNames.ContactId)
            {
                continue;
            }

            var parts = new SipCommaSplitter(headers.GetValueChars(i, scratch));
            while (parts.MoveNext())
            {
                if (parts.Current is "*")
                {
                    return true;
                }
            }
        }

        return false;
    }

    public delegate bool TryParseValue<T>(string text, out T? value)
        where T : class;

    /// <summary>Every comma-separated value of every line of a header that parses, in order.</summary>
    public static IReadOnlyList<T> ReadAll<T>(SipHeaderList headers, string canonical, TryParseValue<T> parse)
        where T : class
    {
        var values = new List<T>();
        foreach (var text in SipGrammar.SplitAll(headers.GetAll(canonical)))
        {
            if (parse(text, out var value))
            {
                values.Add(value!);
            }
        }

        return values;
    }

    /// <summary>All comma-separated tokens of a header (option tags, methods...), trimmed, in order.</summary>
    public static IReadOnlyList<string> ReadTokens(SipHeaderList headers, string canonical)
    {
        var values = new List<string>();
        foreach (var text in SipGrammar.SplitAll(headers.GetAll(canonical)))
        {
            if (text.Length > 0)
            {
                values.Add(text);
            }
        }

        return values;
    }
}
