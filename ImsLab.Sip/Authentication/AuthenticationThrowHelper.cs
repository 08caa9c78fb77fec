using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace ImsLab.Sip.Authentication;

// Programmer errors only (wrong buffer sizes, bad options); remote input is reported through result types.
internal static class AuthenticationThrowHelper
{
    public static void ThrowIfWrongLength(ReadOnlySpan<byte> value, int length, string name)
    {
        if (value.Length != length) ThrowWrongLength(name, length, value.Length);
    }

    [DoesNotReturn, StackTraceHidden]
    public static void ThrowWrongLength(string name, int expected, int actual) =>
        throw new ArgumentException($"{name} must be {expected} octets long, not {actual}.", name);

    [DoesNotReturn, StackTraceHidden]
    public static void ThrowSequenceSpaceExhausted(long seq) =>
        throw new InvalidOperationException($"SEQ {seq} does not fit in a 48-bit SQN with the configured IND length.");

    [DoesNotReturn, StackTraceHidden]
    public static void ThrowSqnSpaceExhausted(string impi) =>
        throw new InvalidOperationException($"The SQN space of {impi} is exhausted; reset its SQN.");
}
