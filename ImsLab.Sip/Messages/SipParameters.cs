using System.Collections;
using System.Text;

namespace ImsLab.Sip.Messages;

/// <summary>
/// Ordered generic parameters (";name=value" or ";flag"), names compared case-insensitively (RFC 3261 7.3.1).
/// Values are kept as written, including quotes of quoted-string values.
/// </summary>
public sealed class SipParameters : IEnumerable<KeyValuePair<string, string?>>, IEquatable<SipParameters>
{
    // Most URIs and headers carry no parameters or URI headers: the list is created on the first Set.
    private static readonly List<KeyValuePair<string, string?>> NoItems = [];
    private List<KeyValuePair<string, string?>> _items = NoItems;

    /// <summary>Number of parameters.</summary>
    public int Count => _items.Count;

    /// <summary>Value of the parameter (null for a flag or when absent; use <see cref="Contains"/> to tell them apart).</summary>
    public string? Get(string name)
    {
        var index = IndexOf(name);
        return index < 0 ? null : _items[index].Value;
    }

    /// <summary>True when the parameter is present (with or without a value).</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Sets the parameter in place, or appends it. A null value makes it a flag.</summary>
    public void Set(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var index = IndexOf(name);
        if (index < 0)
        {
            Append(name, value);
        }
        else
        {
            _items[index] = new(_items[index].Key, value);
        }
    }

    /// <summary>Removes the parameter; returns true when it was present.</summary>
    public bool Remove(string name)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            return false;
        }

        _items.RemoveAt(index);
        return true;
    }

    /// <summary>A copy that can be changed independently.</summary>
    public SipParameters Clone()
    {
        var copy = new SipParameters();
        if (_items.Count > 0)
        {
            copy._items = new List<KeyValuePair<string, string?>>(_items);
        }

        return copy;
    }

    private void Append(string name, string? value)
    {
        if (ReferenceEquals(_items, NoItems))
        {
            _items = new List<KeyValuePair<string, string?>>(4);
        }

        _items.Add(new(name, value));
    }

    /// <summary>";a=b;c" (empty when there are none).</summary>
    public override string ToString() => Format(';');

    /// <summary>Formats as URI headers ("?a=b&amp;c=d").</summary>
    internal string ToHeadersString() => _items.Count == 0 ? string.Empty : "?" + Format('&')[1..];

    internal void AppendTo(StringBuilder builder, char separator)
    {
        foreach (var (name, value) in _items)
        {
            builder.Append(separator).Append(name);
            if (value is not null)
            {
                builder.Append('=').Append(value);
            }
        }
    }

    /// <summary>Same names (case-insensitive) with the same values (ordinal), in any order.</summary>
    public bool Equals(SipParameters? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        foreach (var (name, value) in _items)
        {
            var index = other.IndexOf(name);
            if (index < 0 || !string.Equals(other._items[index].Value, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SipParameters other && Equals(other);

    /// <summary>Order-insensitive; the parameters are mutable, so do not change them while the owner is a dictionary key.</summary>
    public override int GetHashCode()
    {
        var hash = Count;
        foreach (var (name, _) in _items)
        {
            hash ^= StringComparer.OrdinalIgnoreCase.GetHashCode(name);
        }

        return hash;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private string Format(char separator)
    {
        if (_items.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        AppendTo(builder, separator);
        return builder.ToString();
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Parses header parameters "; name [= value]" with LWS around the separators (RFC 3261 7.3.1 generic-param).
    /// <paramref name="text"/> starts at the first ';' (or is empty). Returns false on an empty name or unbalanced quote.
    /// </summary>
    internal static bool TryParseHeaderParameters(ReadOnlySpan<char> text, out SipParameters parameters)
    {
        parameters = new SipParameters();
        return ScanHeaderParameters(text, parameters);
    }

    /// <summary>True when <see cref="TryParseHeaderParameters"/> would succeed; builds nothing.</summary>
    internal static bool AreValidHeaderParameters(ReadOnlySpan<char> text) => ScanHeaderParameters(text, null);

    // The one grammar walk behind both: it validates, and when there is a target it also keeps what it found, so the
    // parser can check a value without building it and build it later exactly as it was checked.
    private static bool ScanHeaderParameters(ReadOnlySpan<char> text, SipParameters? target)
    {
        text = SipGrammar.TrimLws(text);
        if (text.IsEmpty)
        {
            return true;
        }

        // One forward pass per parameter: the name is the run of token characters, the value a quoted-string or the run
        // of gen-value characters; only LWS may stand between these pieces and the next ';'.
        if (target is not null)
        {
            target._items = new List<KeyValuePair<string, string?>>(Math.Max(4, text.Count(';')));
        }

        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != ';')
            {
                return false;
            }

            i = SkipLws(text, i + 1);
            var nameLength = TokenLength(text[i..]);
            if (nameLength == 0)
            {
                return false;
            }

            var nameStart = i;
            i = SkipLws(text, i + nameLength);
            var valueStart = -1;
            var valueLength = 0;
            if (i < text.Length && text[i] == '=')
            {
                i = SkipLws(text, i + 1);
                if (i < text.Length && text[i] == '"')
                {
                    var close = SipGrammar.FindClosingQuote(text, i);
                    if (close < 0)
                    {
                        return false;
                    }

                    valueLength = close + 1 - i;
                }
                else
                {
                    valueLength = GenericValueLength(text[i..]);
                    if (valueLength == 0)
                    {
                        return false;
                    }
                }

                valueStart = i;
                i = SkipLws(text, i + valueLength);
            }

            target?._items.Add(new(NameString(text.Slice(nameStart, nameLength)), valueStart < 0 ? null : text.Slice(valueStart, valueLength).ToString()));
        }

        return true;
    }

    private static int SkipLws(ReadOnlySpan<char> text, int start)
    {
        // Usually there is nothing to skip: check one character before searching.
        if (start >= text.Length || !SipGrammar.IsLws(text[start]))
        {
            return start;
        }

        var skip = text[start..].IndexOfAnyExcept(" \t\r\n");
        return skip < 0 ? text.Length : start + skip;
    }

    private static int TokenLength(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAnyExcept(SipGrammar.TokenCharacters);
        return end < 0 ? text.Length : end;
    }

    private static int GenericValueLength(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAnyExcept(GenericValueChars);
        return end < 0 ? text.Length : end;
    }

    // Parameter names that IMS traffic repeats in every message (RFC 3261, RFC 3581, RFC 3840, RFC 5626, TS 24.229),
    // shared instead of allocated per parse. Names are kept as written, so only an exact match is shared; the compiler
    // turns the switch into a jump on length and characters.
    private static string NameString(ReadOnlySpan<char> name) => name switch
    {
        "tag" => "tag",
        "branch" => "branch",
        "rport" => "rport",
        "received" => "received",
        "transport" => "transport",
        "lr" => "lr",
        "user" => "user",
        "maddr" => "maddr",
        "ttl" => "ttl",
        "method" => "method",
        "expires" => "expires",
        "q" => "q",
        "+sip.instance" => "+sip.instance",
        "reg-id" => "reg-id",
        "+g.3gpp.icsi-ref" => "+g.3gpp.icsi-ref",
        "+g.3gpp.smsip" => "+g.3gpp.smsip",
        "audio" => "audio",
        "video" => "video",
        "ob" => "ob",
        "comp" => "comp",
        "gr" => "gr",
        "pub-gruu" => "pub-gruu",
        _ => name.ToString(),
    };

    // RFC 3261 25.1: gen-value = token / host / quoted-string; host includes IPv6 references in brackets and ':'.
    private static readonly System.Buffers.SearchValues<char> GenericValueChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.!%*_+`'~[]:");

    /// <summary>Parses URI parameters or headers (no LWS allowed; RFC 3261 19.1.1). Returns false on empty names.</summary>
    internal static bool TryParseUriComponent(ReadOnlySpan<char> text, char separator, out SipParameters parameters)
    {
        parameters = new SipParameters();
        return ScanUriComponent(text, separator, parameters);
    }

    /// <summary>True when <see cref="TryParseUriComponent"/> would succeed; builds nothing.</summary>
    internal static bool IsValidUriComponent(ReadOnlySpan<char> text, char separator) => ScanUriComponent(text, separator, null);

    private static bool ScanUriComponent(ReadOnlySpan<char> text, char separator, SipParameters? target)
    {
        foreach (var range in text.Split(separator))
        {
            var item = text[range];
            var equals = item.IndexOf('=');
            var name = equals < 0 ? item : item[..equals];
            if (name.IsEmpty || !SipUri.IsUriParameterText(name))
            {
                return false;
            }

            var value = equals < 0 ? default : item[(equals + 1)..];
            if (equals >= 0 && !SipUri.IsUriParameterText(value))
            {
                return false;
            }

            target?.Append(NameString(name), equals < 0 ? null : value.ToString());
        }

        return true;
    }
}
