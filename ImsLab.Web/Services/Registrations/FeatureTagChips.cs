namespace ImsLab.Web.Services.Registrations;

/// <summary>Names for the Contact feature tags (RFC 3840) an IMS UE registers with.</summary>
public static class FeatureTagChips
{
    private const string IcsiRef = "+g.3gpp.icsi-ref";
    private const string IariRef = "+g.3gpp.iari-ref";

    /// <summary>One chip per tag, in registration order; an ICSI list gives one chip per service.</summary>
    public static IReadOnlyList<FeatureTagChip> Describe(IReadOnlyList<string> featureTags)
    {
        ArgumentNullException.ThrowIfNull(featureTags);
        var chips = new List<FeatureTagChip>(featureTags.Count);
        foreach (var tag in featureTags)
        {
            var equals = tag.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? tag : tag[..equals]).Trim();
            var value = equals < 0 ? "" : Unquote(tag[(equals + 1)..]);
            if (name.Equals(IcsiRef, StringComparison.OrdinalIgnoreCase) || name.Equals(IariRef, StringComparison.OrdinalIgnoreCase))
            {
                // TS 24.229 7.9.2: the value is a comma-separated list of percent-encoded URNs.
                foreach (var urn in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    chips.Add(new FeatureTagChip(ServiceName(Uri.UnescapeDataString(urn)), tag));
                }
                continue;
            }
            chips.Add(new FeatureTagChip(Plain(name), tag));
        }
        return chips;
    }

    private static string ServiceName(string urn) => urn switch
    {
        // TS 24.173: IMS Multimedia Telephony.
        _ when urn.EndsWith(".icsi.mmtel", StringComparison.OrdinalIgnoreCase) => "MMTel",
        _ when urn.Contains("oma.cpm", StringComparison.OrdinalIgnoreCase) => "RCS messaging",
        _ => urn[(urn.LastIndexOf(':') + 1)..] is { Length: > 0 } last ? last : urn,
    };

    private static string Plain(string name) => name.ToLowerInvariant() switch
    {
        // TS 24.341 5.3.2.2: SMS over IP.
        "+g.3gpp.smsip" => "SMSoIP",
        "video" => "Video",
        "audio" => "Audio",
        "text" => "Text",
        "+g.3gpp.accesstype" => "Access type",
        "+g.3gpp.srvcc" or "+g.3gpp.srvcc-alerting" or "+g.3gpp.mid-call" or "+g.3gpp.ps2cs-srvcc-orig-pre-alerting" => "SRVCC",
        _ => name.TrimStart('+'),
    };

    private static string Unquote(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1] : trimmed;
    }
}
