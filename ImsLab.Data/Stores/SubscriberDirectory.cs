using ImsLab.Data.Entities;
using ImsLab.Data.Provisioning;
using ImsLab.Data.Secrets;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Subscribers;
using Microsoft.EntityFrameworkCore;
using PublicIdentity = ImsLab.Sip.Subscribers.PublicIdentity;

namespace ImsLab.Data.Stores;

/// <summary>
/// The uncached HSS read side: one query loads an IMPI with its subscription, IMPUs and their service profile
/// names (by IMPI, or by one of its IMPUs); secrets are decrypted here and OPc derived from OP when OP was provisioned.
/// </summary>
internal sealed class SubscriberDirectory(IDbContextFactory<ImsLabDbContext> contexts, SecretCipher cipher) : ISubscriberDirectory
{
    /// <summary>How many candidate IMPIs an ambiguous IMPU lookup reports at most.</summary>
    private const int MaxCandidates = 16;

    public async ValueTask<SubscriberProfile?> FindByImpiAsync(string impi, CancellationToken cancellationToken)
    {
        if (IdentityFormat.NormalizeImpi(impi) is not { } key) return null;
        await using var db = contexts.CreateDbContext();
        var row = await ProfileRows(db.PrivateIdentities.Where(p => p.Impi == key)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToProfile(row);
    }

    /// <summary>
    /// The owner of an IMPU in one round trip: the profiles of at most two linked IMPIs are loaded at once, since an
    /// IMPU nearly always has exactly one owner (a first REGISTER without Authorization, TS 24.229 5.4.1.2.1); only a
    /// shared IMPU costs a second query, to list its candidates.
    /// </summary>
    public async ValueTask<ImpuLookupResult> FindByImpuAsync(string impu, CancellationToken cancellationToken)
    {
        if (IdentityFormat.NormalizeImpu(impu) is not { } key) return ImpuLookupResult.NotFound;
        await using var db = contexts.CreateDbContext();
        // From the IMPU's unique index outwards: filtering IMPIs by "has a link to it" under a LIMIT let PostgreSQL walk
        // every IMPI in key order looking for a second owner that does not exist.
        var rows = await ProfileRows(db.PublicIdentityLinks.Where(l => l.PublicIdentity.Uri == key).Select(l => l.PrivateIdentity))
            .Take(2)
            .ToListAsync(cancellationToken);
        switch (rows.Count)
        {
            case 0:
                return ImpuLookupResult.NotFound;
            case 1:
                return new ImpuLookupResult(ImpuLookupOutcome.Found, ToProfile(rows[0]), [rows[0].Identity.Impi]);
        }
        var impis = await db.PublicIdentityLinks.AsNoTracking()
            .Where(l => l.PublicIdentity.Uri == key)
            .Select(l => l.PrivateIdentity.Impi)
            .OrderBy(i => i)
            .Take(MaxCandidates)
            .ToListAsync(cancellationToken);
        return new ImpuLookupResult(ImpuLookupOutcome.Ambiguous, null, impis);
    }

    /// <summary>An IMPI with everything its profile needs, as one row of one query.</summary>
    private sealed class ProfileRow
    {
        public required PrivateIdentity Identity { get; init; }
        public required string SubscriptionName { get; init; }
        public string? AllowedVisitedNetworksJson { get; init; }
        public required List<PublicIdentity> Publics { get; init; }
    }

    private static IQueryable<ProfileRow> ProfileRows(IQueryable<PrivateIdentity> identities) =>
        identities.AsNoTracking().Select(p => new ProfileRow
        {
            Identity = p,
            SubscriptionName = p.Subscription.Name,
            AllowedVisitedNetworksJson = p.Subscription.AllowedVisitedNetworksJson,
            Publics = p.Links.Select(l => new PublicIdentity(l.PublicIdentity.Uri, l.PublicIdentity.Barred, l.PublicIdentity.CanRegister,
                l.PublicIdentity.ImplicitSetId, l.PublicIdentity.ServiceProfile != null ? l.PublicIdentity.ServiceProfile.Name : null)).ToList(),
        });

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
