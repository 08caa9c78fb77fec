using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ImsLab.Sip.Messages;

/// <summary>One Contact value with its contact-params (RFC 3261 20.10, RFC 5626 4.1, RFC 3840 9).</summary>
public sealed record SipContact(string? DisplayName, SipUri Uri, SipParameters Parameters)
{
    private static readonly string[] BareFeatureTags = ["audio", "application", "data", "control", "video", "text", "automata", "class", "duplex", "mobility", "description", "events", "priority", "methods", "extensions", "schemes", "actor", "isfocus"];

    /// <summary>The expires parameter (delta-seconds), or null; values above int.MaxValue are clamped.</summary>
    public int? Expires
    {
        get
        {
            var text = Parameters.Get("expires");
            return text is not null && SipGrammar.TryParseDecimal(text, uint.MaxValue, out var value) ? (int)Math.Min(value, int.MaxValue) : null;
        }
    }

    /// <summary>The q parameter (0..1), or null.</summary>
    public float? Q =>
        Parameters.Get("q") is { } text && float.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) && q is >= 0 and <= 1
            ? q
            : null;

    /// <summary>The +sip.instance value without its quotes and angle brackets (RFC 5626 4.1), e.g. "urn:gsma:imei:...".</summary>
    public string? InstanceId
    {
        get
        {
            var raw = Parameters.Get("+sip.instance");
            if (raw is null)
            {
                return null;
            }

            var value = SipGrammar.Unquote(raw).AsSpan();
            if (value.Length >= 2 && value[0] == '<' && value[^1] == '>')
            {
                value = value[1..^1];
            }

            return value.ToString();
        }
    }

    /// <summary>The reg-id parameter (RFC 5626 4.2), or null.</summary>
    public int? RegId => Parameters.Get("reg-id") is { } text && SipGrammar.TryParseDecimal(text, int.MaxValue, out var value) ? (int)value : null;

    /// <summary>
    /// Feature tags of RFC 3840 9 as written, "name" or "name=value": every "+"-prefixed parameter except +sip.instance,
    /// and the bare base tags (audio, video, ...).
    /// </summary>
    public IReadOnlyList<string> FeatureTags
    {
        get
        {
            var tags = new List<string>();
            foreach (var (name, value) in Parameters)
            {
                var isTag = name.StartsWith('+')
                    ? !name.Equals("+sip.instance", StringComparison.OrdinalIgnoreCase)
                    : Array.Exists(BareFeatureTags, t => t.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (isTag)
                {
                    tags.Add(value is null ? name : name + "=" + value);
                }
            }

            return tags;
        }
    }

    /// <summary>["display" ]&lt;uri&gt;;params.</summary>
    public override string ToString() => NameAddressParser.Format(DisplayName, Uri, Parameters);

    /// <summary>Parses one Contact value (not "*") without throwing.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipContact? value) =>
        NameAddressParser.TryCreate(text, static (display, uri, parameters) => new SipContact(display, uri, parameters), out value);
}
