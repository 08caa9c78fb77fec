using System.Text.RegularExpressions;

namespace ImsLab.Api.Subscribers;

/// <summary>
/// The provisioning service names fields as its own input does ("publicIdentities[1].uri", "k"); the API reports
/// them as the client wrote them ("impus[1].uri", "auth.k"), so a ProblemDetails names the field in the request body.
/// </summary>
internal static partial class SubscriberFields
{
    public const string Schemes = "auth.schemes";

    private static readonly Dictionary<string, string> Json = new(StringComparer.Ordinal)
    {
        ["allowedSchemes"] = Schemes,
        ["k"] = "auth.k", ["op"] = "auth.op", ["opc"] = "auth.opc", ["amf"] = "auth.amf", ["sqn"] = "auth.sqn",
        ["password"] = "auth.password", ["ha1Md5"] = "auth.ha1Md5", ["ha1Sha256"] = "auth.ha1Sha256", ["digestRealm"] = "auth.realm",
        ["allowedVisitedNetworks"] = "roaming.allowedNetworks", ["publicIdentities"] = "impus",
    };

    private static readonly Dictionary<string, string> Csv = new(StringComparer.Ordinal)
    {
        ["allowedSchemes"] = "schemes", ["ha1Md5"] = "ha1_md5", ["ha1Sha256"] = "ha1_sha256", ["digestRealm"] = "realm",
        ["allowedVisitedNetworks"] = "allowed_visited_networks", ["publicIdentities"] = "impus",
    };

    /// <summary>The field as named in the JSON body.</summary>
    public static string ToJson(string field)
    {
        if (Json.TryGetValue(field, out var name)) return name;
        var match = PublicIdentityField().Match(field);
        if (!match.Success) return field;
        var member = match.Groups[2].Value == "implicitSetId" ? "implicitSet" : match.Groups[2].Value;
        return $"impus[{match.Groups[1].Value}].{member}";
    }

    /// <summary>The field as named by the CSV header (every IMPU is in the one "impus" cell).</summary>
    public static string ToCsv(string field) =>
        Csv.TryGetValue(field, out var name) ? name : PublicIdentityField().IsMatch(field) ? "impus" : field;

    /// <summary>Every key renamed with <see cref="ToJson"/>; messages of fields that meet are merged.</summary>
    public static Dictionary<string, string[]> ToJson(IReadOnlyDictionary<string, string[]> errors) =>
        errors.GroupBy(e => ToJson(e.Key)).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());

    [GeneratedRegex(@"^publicIdentities\[(\d+)\]\.(\w+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PublicIdentityField();
}
