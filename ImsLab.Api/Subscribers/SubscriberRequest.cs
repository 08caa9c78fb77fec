using System.Text.Json;
using System.Text.Json.Serialization;
using ImsLab.Data.Provisioning;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Api.Subscribers;

/// <summary>
/// A subscriber as POSTed, PUT, imported and exported (issue 6 contract): <c>{ impi, impus, auth, roaming, imsi,
/// msisdn }</c> plus <c>subscription</c> and <c>enabled</c>. A class, so no generated ToString can print its keys.
/// </summary>
internal sealed class SubscriberRequest
{
    /// <summary>Serializer of the bulk JSON files: web casing, absent values left out.</summary>
    public static JsonSerializerOptions FileJsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The IMPI (TS 23.003 13.3), or a plain username for digest users.</summary>
    public string? Impi { get; init; }

    /// <summary>The IMS subscription to create or join; default the IMPI.</summary>
    public string? Subscription { get; init; }

    /// <summary>Whether the IMPI may register; default true.</summary>
    public bool? Enabled { get; init; }

    /// <summary>The IMPUs (at least one).</summary>
    public IReadOnlyList<ImpuBody>? Impus { get; init; }

    /// <summary>Credentials; K, OP, OPc and password are write-only.</summary>
    public AuthBody? Auth { get; init; }

    /// <summary>Roaming policy; absent or null allowedNetworks means any network.</summary>
    public RoamingBody? Roaming { get; init; }

    /// <summary>IMSI, 5 to 15 digits.</summary>
    public string? Imsi { get; init; }

    /// <summary>MSISDN, 1 to 15 digits.</summary>
    public string? Msisdn { get; init; }

    /// <summary>
    /// The service's input, or the errors (API field names) of what cannot even be expressed there (unknown scheme names);
    /// everything else is validated by the service, which the REST API and the dashboard share.
    /// </summary>
    public SubscriberInput? ToInput(string? impiFromRoute, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var auth = Auth ?? new AuthBody();
        var schemes = AuthScheme.None;
        var unknown = new List<string>();
        for (var i = 0; i < (auth.Schemes?.Count ?? 0); i++)
        {
            // The value is not echoed: a misplaced key would end up in the error response.
            if (AuthSchemeNames.TryParse(auth.Schemes![i]?.Trim() ?? "", out var scheme)) schemes |= scheme;
            else unknown.Add($"Item {i + 1} is not a scheme; use {string.Join(", ", AuthSchemeNames.All.Select(n => n.Name))}.");
        }
        if (unknown.Count > 0)
        {
            errors[SubscriberFields.Schemes] = [.. unknown];
            return null;
        }
        if (auth.Schemes is null or { Count: 0 })
        {
            // Users expect the obvious: keys mean AKA, a password means digest.
            if (auth.K is not null || auth.Op is not null || auth.Opc is not null) schemes |= AuthScheme.AkaV1Md5 | AuthScheme.AkaV2Md5;
            if (auth.Password is not null || auth.Ha1Md5 is not null) schemes |= AuthScheme.Md5;
            if (auth.Password is not null || auth.Ha1Sha256 is not null) schemes |= AuthScheme.Sha256;
        }
        return new SubscriberInput
        {
            Impi = Impi ?? impiFromRoute ?? "",
            Subscription = Subscription,
            AllowedSchemes = schemes,
            K = auth.K, Op = auth.Op, Opc = auth.Opc, Amf = auth.Amf, Sqn = auth.Sqn,
            Password = auth.Password, Ha1Md5 = auth.Ha1Md5, Ha1Sha256 = auth.Ha1Sha256, DigestRealm = auth.Realm,
            Imsi = Imsi,
            Msisdn = Msisdn,
            Enabled = Enabled ?? true,
            // JSON nulls inside the arrays become empty values, which the service rejects with a message naming the field.
            PublicIdentities = [.. (Impus ?? []).Select(i => new PublicIdentityInput
            {
                Uri = i?.Uri ?? "", Barred = i?.Barred ?? false, CanRegister = i?.CanRegister ?? true, ImplicitSetId = i?.ImplicitSet ?? 1,
                ServiceProfile = i?.ServiceProfile,
            })],
            AllowedVisitedNetworks = Roaming?.AllowedNetworks?.Select(n => n ?? "").ToList(),
        };
    }

    /// <summary>The API form of an exported subscriber (keys present only when the export included them).</summary>
    public static SubscriberRequest From(SubscriberInput input) => new()
    {
        Impi = input.Impi,
        Subscription = input.Subscription,
        Enabled = input.Enabled,
        Impus = [.. input.PublicIdentities.Select(p => new ImpuBody
        {
            Uri = p.Uri, Barred = p.Barred, ImplicitSet = p.ImplicitSetId, ServiceProfile = p.ServiceProfile, CanRegister = p.CanRegister,
        })],
        Auth = new AuthBody
        {
            Schemes = AuthSchemeNames.Format(input.AllowedSchemes),
            K = input.K, Op = input.Op, Opc = input.Opc, Amf = input.Amf, Sqn = input.Sqn,
            Ha1Md5 = input.Ha1Md5, Ha1Sha256 = input.Ha1Sha256, Realm = input.DigestRealm,
        },
        Roaming = new RoamingBody(input.AllowedVisitedNetworks),
        Imsi = input.Imsi,
        Msisdn = input.Msisdn,
    };
}
