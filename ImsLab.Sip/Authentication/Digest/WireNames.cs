namespace ImsLab.Sip.Authentication.Digest;

/// <summary>Case-insensitive lookup of an enum member by its wire name.</summary>
internal static class WireNames
{
    public static bool TryParse<T>(ReadOnlySpan<char> text, Func<T, string> wireName, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (text.Equals(wireName(candidate), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
