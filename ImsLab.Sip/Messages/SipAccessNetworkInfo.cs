using System.Diagnostics.CodeAnalysis;

namespace ImsLab.Sip.Messages;

/// <summary>
/// One P-Access-Network-Info value (RFC 7315 5.4, TS 24.229 7.2A.4): the access type such as "3GPP-E-UTRAN-FDD",
/// its parameters (utran-cell-id-3gpp, network-provided...), and the value as written.
/// </summary>
public sealed record SipAccessNetworkInfo(string Raw, string AccessType, SipParameters Parameters)
{
    /// <summary>The cell identity (utran-cell-id-3gpp), or null.</summary>
    public string? CellId => Parameters.Get("utran-cell-id-3gpp") is { } id ? SipGrammar.Unquote(id) : null;

    /// <summary>True when the P-CSCF inserted it (network-provided, TS 24.229 7.2A.4.3).</summary>
    public bool IsNetworkProvided => Parameters.Contains("network-provided");

    /// <summary>The value as written.</summary>
    public override string ToString() => Raw;

    internal static bool TryParse(string text, [NotNullWhen(true)] out SipAccessNetworkInfo? value)
    {
        if (TokenWithParameters.TryParse(text, out var accessType, out var parameters))
        {
            value = new SipAccessNetworkInfo(text.Trim(), accessType, parameters);
            return true;
        }

        value = null;
        return false;
    }
}
