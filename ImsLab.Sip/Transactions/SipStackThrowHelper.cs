using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace ImsLab.Sip.Transactions;

/// <summary>Throws for programmer errors in using the stack (never for remote input), out of line.</summary>
[StackTraceHidden]
internal static class SipStackThrowHelper
{
    [DoesNotReturn]
    public static void ThrowAlreadyStarted() => throw new InvalidOperationException("The SIP stack is already started.");

    [DoesNotReturn]
    public static void ThrowNotMappable(string method, string parameterName) =>
        throw new ArgumentException($"{method} is handled by the transaction layer (RFC 3261 9.2, 17.2.1).", parameterName);

    [DoesNotReturn]
    public static void ThrowNotNonInvite(string parameterName) =>
        throw new ArgumentException("Only non-INVITE requests are sent in client transactions (RFC 3261 17.1.2).", parameterName);
}
