using System.Diagnostics.CodeAnalysis;

namespace ImsLab.Sip.Messages;

/// <summary>The Event header (RFC 6665 8.2.1): package (with template, e.g. "reg" or "presence.winfo"), id and parameters.</summary>
public sealed record SipEvent(string Package, SipParameters Parameters)
{
    /// <summary>The id parameter, or null.</summary>
    public string? Id => Parameters.Get("id");

    /// <summary>"package;params".</summary>
    public override string ToString() => Package + Parameters;

    internal static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipEvent? value)
    {
        value = TokenWithParameters.TryParse(text, out var package, out var parameters) ? new SipEvent(package, parameters) : null;
        return value is not null;
    }
}
