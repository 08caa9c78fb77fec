using System.Diagnostics.CodeAnalysis;

namespace ImsLab.Sip.Messages;

/// <summary>The Subscription-State header (RFC 6665 8.2.3): "active;expires=600", "terminated;reason=deactivated".</summary>
public sealed record SipSubscriptionState(string State, SipParameters Parameters)
{
    /// <summary>The reason parameter (RFC 6665 4.1.3), or null.</summary>
    public string? Reason => Parameters.Get("reason");

    /// <summary>The expires parameter in seconds, or null.</summary>
    public int? Expires => ReadSeconds("expires");

    /// <summary>The retry-after parameter in seconds, or null.</summary>
    public int? RetryAfter => ReadSeconds("retry-after");

    /// <summary>"state;params".</summary>
    public override string ToString() => State + Parameters;

    private int? ReadSeconds(string name) =>
        Parameters.Get(name) is { } text && SipGrammar.TryParseDecimal(text, uint.MaxValue, out var value) ? (int)Math.Min(value, int.MaxValue) : null;

    internal static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipSubscriptionState? value)
    {
        value = TokenWithParameters.TryParse(text, out var state, out var parameters) ? new SipSubscriptionState(state, parameters) : null;
        return value is not null;
    }
}
