using System.Text;

namespace ImsLab.Sip.Messages;

/// <summary>The methods an element may know (RFC 3261 27.4 and the extension RFCs), as shared string instances.</summary>
internal static class SipMethods
{
    private static readonly string[] Known =
        ["REGISTER", "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "SUBSCRIBE", "NOTIFY", "PUBLISH", "MESSAGE", "INFO", "PRACK", "UPDATE", "REFER"];

    public static bool IsKnown(string method) => Array.IndexOf(Known, method) >= 0;

    /// <summary>The shared instance of a known method, so that a parse does not allocate one; methods are case-sensitive (RFC 3261 7.1).</summary>
    public static string Intern(ReadOnlySpan<char> method)
    {
        foreach (var known in Known)
        {
            if (method.SequenceEqual(known))
            {
                return known;
            }
        }

        return method.ToString();
    }

    /// <summary>As <see cref="Intern(ReadOnlySpan{char})"/> for the octets of a request line (a token, so ASCII).</summary>
    public static string Intern(ReadOnlySpan<byte> method)
    {
        // Octets against the known names directly: no widening, and the length check skips most candidates.
        foreach (var known in Known)
        {
            if (known.Length == method.Length && Ascii.Equals(method, known))
            {
                return known;
            }
        }

        return Encoding.ASCII.GetString(method);
    }
}
