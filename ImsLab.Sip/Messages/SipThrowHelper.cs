using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace ImsLab.Sip.Messages;

/// <summary>Throws for programmer errors (never for remote input), kept out of line so the callers stay small.</summary>
[StackTraceHidden]
internal static class SipThrowHelper
{
    [DoesNotReturn]
    public static void ThrowInvalidHeaderName(string name, string parameterName) =>
        throw new ArgumentException($"'{name}' is not a valid header name (RFC 3261 25.1 token).", parameterName);

    [DoesNotReturn]
    public static void ThrowInvalidMethod(string method, string parameterName) =>
        throw new ArgumentException($"'{method}' is not a SIP method token (RFC 3261 25.1).", parameterName);

    [DoesNotReturn]
    public static int ThrowStatusCodeOutOfRange(int statusCode, string parameterName) =>
        throw new ArgumentOutOfRangeException(parameterName, statusCode, "RFC 3261 7.2: status codes are 100..699.");

    [DoesNotReturn]
    public static void ThrowPortOutOfRange(string parameterName) =>
        throw new ArgumentOutOfRangeException(parameterName, "Ports are 0..65535.");

    [DoesNotReturn]
    public static void ThrowNotSipScheme(string parameterName) =>
        throw new ArgumentException("Only sip and sips URIs are built from parts.", parameterName);

    // The text is not echoed: a URI may carry a password.
    [DoesNotReturn]
    public static SipUri ThrowInvalidUri() => throw new FormatException("The text is not a valid SIP, SIPS, TEL or absolute URI.");
}
