using System.Data.Common;
using ImsLab.Data.Entities;
using ImsLab.Data.Provisioning;
using ImsLab.Data.Secrets;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Subscribers;
using PublicIdentity = ImsLab.Sip.Subscribers.PublicIdentity;

namespace ImsLab.Data.Stores;

/// <summary>
/// The uncached HSS read side: one query loads an IMPI with its subscription, IMPUs and their service profile
/// names (by IMPI, or by one of its IMPUs); secrets are decrypted here and OPc derived from OP when OP was provisioned.
/// </summary>
/// <remarks>
/// Hand-written SQL on a bare connection, like the registrar's other hot paths: every first REGISTER of a subscriber
/// after a start or a provisioning change comes here. Through an EF context and a LINQ projection, a lookup cost about
/// 0.3 ms of CPU (most of it creating the context and finding the compiled query), which a burst of first
/// registrations after a bulk import turned into a queue of several seconds.
/// </remarks>
internal sealed class SubscriberDirectory(ImsLabDbContextFactory contexts, SecretCipher cipher) : ISubscriberDirectory
{
    /// <summary>How many candidate IMPIs an ambiguous IMPU lookup reports at most.</summary>
    private const int MaxCandidates = 16;

    // One row per IMPU of each selected IMPI (one row with null IMPU columns for an IMPI that has none), ordered so
    // that an IMPI's rows are together. {0} selects the IMPIs' ids.
    private const string ProfileSql = """
        SELECT p.id, p.subscription_id, p.impi, p.allowed_schemes, p.k_ciphertext, p.op_ciphertext, p.opc_ciphertext,
               p.amf, p.digest_realm, p.ha1_md5_ciphertext, p.ha1_sha256_ciphertext, p.imsi, p.msisdn, p.enabled,
               p.version, s.name, s.allowed_visited_networks_json,
               u.uri, u.barred, u.can_register, u.implicit_set_id, sp.name
        FROM private_identities p
        JOIN ims_subscriptions s ON s.id = p.subscription_id
        LEFT JOIN public_identity_links l ON l.private_identity_id = p.id
        LEFT JOIN public_identities u ON u.id = l.public_identity_id
        LEFT JOIN service_profiles sp ON sp.id = u.service_profile_id
        WHERE p.id IN ({0})
        ORDER BY p.id
        """;

    private static readonly string ByImpiSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, ProfileSql,
        "SELECT id FROM private_identities WHERE impi = @key");

    // From the IMPU's unique index outwards: at most two owners, since an IMPU nearly always has exactly one (a first
    // REGISTER without Authorization, TS 24.229 5.4.1.2.1); the second only tells that it is shared.
    private static readonly string ByImpuSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, ProfileSql, """
        SELECT l.private_identity_id FROM public_identity_links l
        JOIN public_identities u ON u.id = l.public_identity_id
        WHERE u.uri = @key LIMIT 2
        """);

    private const string CandidatesSql = """
        SELECT p.impi FROM public_identity_links l
        JOIN public_identities u ON u.id = l.public_identity_id
        JOIN private_identities p ON p.id = l.private_identity_id
        WHERE u.uri = @key
        ORDER BY p.impi
        LIMIT @limit
        """;

    public async ValueTask<SubscriberProfile?> FindByImpiAsync(string impi, CancellationToken cancellationToken)
    {
        if (IdentityFormat.NormalizeImpi(impi) is not { } key) return null;
        await using var connection = await contexts.OpenConnectionAsync(cancellationToken);
        var rows = await ReadProfilesAsync(connection, ByImpiSql, key, cancellationToken);
        return rows.Count == 0 ? null : ToProfile(rows[0]);
    }

    /// <summary>
    /// The owner of an IMPU in one round trip: the profiles of at most two linked IMPIs are loaded at once; only a
    /// shared IMPU costs a second query, to list its candidates.
    /// </summary>
    public async ValueTask<ImpuLookupResult> FindByImpuAsync(string impu, CancellationToken cancellationToken)
    {
        if (IdentityFormat.NormalizeImpu(impu) is not { } key) return ImpuLookupResult.NotFound;
        await using var connection = await contexts.OpenConnectionAsync(cancellationToken);
        var rows = await ReadProfilesAsync(connection, ByImpuSql, key, cancellationToken);
        switch (rows.Count)
        {
            case 0:
                return ImpuLookupResult.NotFound;
            case 1:
                return new ImpuLookupResult(ImpuLookupOutcome.Found, ToProfile(rows[0]), [rows[0].Identity.Impi]);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = CandidatesSql;
        ProviderSql.AddParameter(command, "@key", key);
        ProviderSql.AddParameter(command, "@limit", MaxCandidates);
        var impis = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) impis.Add(reader.GetString(0));
        return new ImpuLookupResult(ImpuLookupOutcome.Ambiguous, null, impis);
    }

    /// <summary>An IMPI with everything its profile needs.</summary>
    private sealed class ProfileRow
    {
        public required PrivateIdentity Identity { get; init; }
        public required string SubscriptionName { get; init; }
        public string? AllowedVisitedNetworksJson { get; init; }
        public List<PublicIdentity> Publics { get; } = [];
    }

    private static async Task<List<ProfileRow>> ReadProfilesAsync(DbConnection connection, string sql, string key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        ProviderSql.AddParameter(command, "@key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ProfileRow>(1);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            if (rows.Count == 0 || rows[^1].Identity.Id != id)
            {
                rows.Add(new ProfileRow
                {
                    Identity = new PrivateIdentity
                    {
                        Id = id,
                        SubscriptionId = reader.GetGuid(1),
                        Impi = reader.GetString(2),
                        AllowedSchemes = (AuthScheme)reader.GetInt32(3),
                        KCiphertext = BytesOrNull(reader, 4),
                        OpCiphertext = BytesOrNull(reader, 5),
                        OpcCiphertext = BytesOrNull(reader, 6),
                        Amf = BytesOrNull(reader, 7),
                        DigestRealm = StringOrNull(reader, 8),
                        Ha1Md5Ciphertext = BytesOrNull(reader, 9),
                        Ha1Sha256Ciphertext = BytesOrNull(reader, 10),
                        Imsi = StringOrNull(reader, 11),
                        Msisdn = StringOrNull(reader, 12),
                        Enabled = reader.GetBoolean(13),
                        Version = reader.GetInt64(14),
                    },
                    SubscriptionName = reader.GetString(15),
                    AllowedVisitedNetworksJson = StringOrNull(reader, 16),
                });
            }

            if (!reader.IsDBNull(17))
            {
                rows[^1].Publics.Add(new PublicIdentity(reader.GetString(17), reader.GetBoolean(18), reader.GetBoolean(19),
                    reader.GetInt32(20), StringOrNull(reader, 21)));
            }
        }

        return rows;
    }

    private static byte[]? BytesOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<byte[]>(ordinal);

    private static string? StringOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private SubscriberProfile ToProfile(ProfileRow row)
    {
        var p = row.Identity;
        return new SubscriberProfile
        {
            Impi = p.Impi,
            SubscriptionId = p.SubscriptionId,
            SubscriptionName = row.SubscriptionName,
            Enabled = p.Enabled,
            AllowedSchemes = p.AllowedSchemes,
            Aka = LoadAka(p),
            Digest = LoadDigest(p),
            PublicIdentities = row.Publics.OrderBy(i => i.ImplicitSetId).ThenBy(i => i.Uri, StringComparer.Ordinal).ToList(),
            Roaming = row.AllowedVisitedNetworksJson is null ? RoamingPolicy.Any : new RoamingPolicy(JsonText.ToList(row.AllowedVisitedNetworksJson)),
            Imsi = p.Imsi,
            Msisdn = p.Msisdn,
            Version = p.Version,
        };
    }

    private AkaCredentials? LoadAka(PrivateIdentity p)
    {
        if (p.KCiphertext is null || p.Amf is null) return null;
        var k = cipher.Decrypt(p.KCiphertext, SecretContext.K(p.Impi));
        if (p.OpcCiphertext is not null) return AkaCredentials.FromOpc(k, cipher.Decrypt(p.OpcCiphertext, SecretContext.Opc(p.Impi)), p.Amf);
        if (p.OpCiphertext is not null) return AkaCredentials.FromOp(k, cipher.Decrypt(p.OpCiphertext, SecretContext.Op(p.Impi)), p.Amf);
        return null;
    }

    private DigestSecrets? LoadDigest(PrivateIdentity p)
    {
        if (p.DigestRealm is null || (p.Ha1Md5Ciphertext is null && p.Ha1Sha256Ciphertext is null)) return null;
        var md5 = cipher.DecryptOptional(p.Ha1Md5Ciphertext, SecretContext.Ha1Md5(p.Impi));
        var sha256 = cipher.DecryptOptional(p.Ha1Sha256Ciphertext, SecretContext.Ha1Sha256(p.Impi));
        return new DigestSecrets(p.Impi, p.DigestRealm,
            md5 is null ? null : Convert.ToHexStringLower(md5), sha256 is null ? null : Convert.ToHexStringLower(sha256));
    }
}
