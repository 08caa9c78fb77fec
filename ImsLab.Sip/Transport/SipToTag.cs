using ImsLab.Sip.Messages;

namespace ImsLab.Sip.Transport;

/// <summary>Adds the To tag a UAS puts on its responses.</summary>
internal static class SipToTag
{
    private const string TagParameter = ";tag=";

    /// <summary>RFC 3261 8.2.6.2: a final response (and any response other than 100) carries a To tag; add one when missing.</summary>
    public static void EnsureOnFinal(SipResponse response)
    {
        if (IsMissing(response))
        {
            Add(response, SipRandomToken.Next());
        }
    }

    /// <summary>True when <paramref name="response"/> needs a To tag it does not have (8.2.6.2; optional on 100).</summary>
    public static bool IsMissing(SipResponse response) => response.StatusCode != 100 && response.To is { Tag: null };

    // Appending keeps the To value exactly as the request wrote it (RFC 3261 8.2.6.2: copied, plus the tag). A tag
    // after an addr-spec without <> is a header parameter too (RFC 3261 20.10), so this is right for both forms.
    public static void Add(SipResponse response, string tag)
    {
        var raw = response.Headers.GetFirst(SipHeaderNames.To);
        if (raw is null)
        {
            return;
        }

        response.Headers.Set(SipHeaderNames.To, raw.TrimEnd() + TagParameter + tag);
    }
}
