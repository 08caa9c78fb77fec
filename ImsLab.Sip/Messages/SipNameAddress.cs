using System.Diagnostics.CodeAnalysis;

namespace ImsLab.Sip.Messages;

/// <summary>A name-addr or addr-spec with header parameters: From, To, Route, Path, P-Associated-URI... (RFC 3261 20.20).</summary>
public sealed record SipNameAddress(string? DisplayName, SipUri Uri, SipParameters Parameters)
{
    /// <summary>Creates a name-addr without display name or parameters.</summary>
    public SipNameAddress(SipUri uri)
        : this(null, uri, new SipParameters())
    {
    }

    /// <summary>The tag parameter (RFC 3261 19.3), or null.</summary>
    public string? Tag => Parameters.Get("tag");

    /// <summary>["display" ]&lt;uri&gt;;params.</summary>
    public override string ToString() => NameAddressParser.Format(DisplayName, Uri, Parameters);

    /// <summary>Parses one name-addr value without throwing.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipNameAddress? value) =>
        NameAddressParser.TryCreate(text, static (display, uri, parameters) => new SipNameAddress(display, uri, parameters), out value);
}
