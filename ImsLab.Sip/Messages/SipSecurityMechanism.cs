using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ImsLab.Sip.Messages;

/// <summary>
/// One mechanism of Security-Client, Security-Server or Security-Verify (RFC 3329 2.2), e.g.
/// "ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1111;spi-s=2222;port-c=5062;port-s=5064" (TS 33.203 H).
/// </summary>
public sealed record SipSecurityMechanism(string Mechanism, SipParameters Parameters)
{
    /// <summary>The q preference (RFC 3329 2.2), or null.</summary>
    public float? Preference =>
        Parameters.Get("q") is { } q && float.TryParse(q, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>"mechanism;params".</summary>
    public override string ToString() => Mechanism + Parameters;

    internal static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipSecurityMechanism? value)
    {
        value = TokenWithParameters.TryParse(text, out var token, out var parameters) ? new SipSecurityMechanism(token, parameters) : null;
        return value is not null;
    }
}
