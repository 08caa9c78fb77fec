using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImsLab.Data.Entities;
using ImsLab.Data.Secrets;
using ImsLab.Data.Stores;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Subscribers;
using Microsoft.EntityFrameworkCore;
using PublicIdentityEntity = ImsLab.Data.Entities.PublicIdentity;

namespace ImsLab.Data.Provisioning;

/// <summary>
/// Provisioning of subscribers: the REST API and the dashboard both call this and nothing else, so they can never
/// disagree. Every change is validated, stored in one transaction, audited in the event log, and evicts the
/// subscriber from the cache the registrar reads. Secrets are write-only: views say whether they are set.
/// </summary>
public sealed class SubscriberProvisioningService
{
    /// <summary>The JSON options of import and export (web casing, enums by name).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    private const int ExportPageSize = 1000;

    private readonly IDbContextFactory<ImsLabDbContext> _contexts;
    private readonly SecretCipher _cipher;
    private readonly SubscriberValidator _validator;
    private readonly CachedSubscriberDirectory _cache;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _time;
    private readonly IEnumerable<ILiveRegistrationTerminator> _terminators;
    private readonly IEnumerable<ISubscriberChangeObserver> _observers;

    internal SubscriberProvisioningService(IDbContextFactory<ImsLabDbContext> contexts, SecretCipher cipher, SubscriberValidator validator,
        CachedSubscriberDirectory cache, AuditTrail audit, TimeProvider time, IEnumerable<ILiveRegistrationTerminator> terminators,
        IEnumerable<ISubscriberChangeObserver> observers)
    {
        _contexts = contexts;
        _cipher = cipher;
        _validator = validator;
        _cache = cache;
        _audit = audit;
        _time = time;
        _terminators = terminators;
        _observers = observers;
    }

    /// <summary>Creates a subscriber: Created, Invalid (errors by field) or Conflict (IMPI or an IMPU already taken).</summary>
    public async Task<ProvisioningResult<SubscriberView>> CreateAsync(SubscriberInput input, string actor, CancellationToken cancellationToken)
    {
        var (subscriber, errors) = _validator.Validate(input, existing: null);
        if (subscriber is null) return new ProvisioningResult<SubscriberView>.Invalid(errors);
        await using var db = _contexts.CreateDbContext();
        var lookup = await IdentityLookup.LoadAsync(db, [subscriber], cancellationToken);
        if (Stage(db, lookup, subscriber, existing: null) is { } failure) return Fail<SubscriberView>(failure);
        if (await SaveAsync(db, cancellationToken) is { } conflict) return conflict;

        Invalidate([subscriber.Impi], subscriber.PublicIdentities.Select(p => p.Uri));
        await _audit.RecordAsync(RegistrationEventType.SubscriberCreated, actor, $"created {subscriber.Impi}", cancellationToken, subscriber.Impi);
        return new ProvisioningResult<SubscriberView>.Created((await GetAsync(subscriber.Impi, cancellationToken))!);
    }

    /// <summary>
    /// The field errors <see cref="CreateAsync"/> (<paramref name="existingImpi"/> null) or <see cref="ReplaceAsync"/>
    /// would report for <paramref name="input"/>, storing nothing: the dashboard's editor checks as the user types
    /// with the very rules the API enforces. Collisions with other subscribers are only found on save (Conflict).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string[]>> CheckAsync(SubscriberInput input, string? existingImpi, CancellationToken cancellationToken)
    {
        PrivateIdentity? existing = null;
        if (existingImpi is not null && IdentityFormat.NormalizeImpi(existingImpi) is { } key)
        {
            await using var db = _contexts.CreateDbContext();
            existing = await db.PrivateIdentities.AsNoTracking().SingleOrDefaultAsync(p => p.Impi == key, cancellationToken);
        }
        return _validator.Validate(input, existing).Errors;
    }

    /// <summary>The subscriber with this IMPI, or null.</summary>
    public async Task<SubscriberView?> GetAsync(string impi, CancellationToken cancellationToken)
    {
        if (IdentityFormat.NormalizeImpi(impi) is not { } key) return null;
        await using var db = _contexts.CreateDbContext();
        return (await ToViews(db, db.PrivateIdentities.Where(p => p.Impi == key), cancellationToken)).SingleOrDefault();
    }

    /// <summary>A filtered, sorted page, computed by the database (fine with 100,000 subscribers).</summary>
    public async Task<SubscriberPage> ListAsync(SubscriberQuery query, CancellationToken cancellationToken)
    {
        await using var db = _contexts.CreateDbContext();
        IQueryable<PrivateIdentity> rows = db.PrivateIdentities;
        if (query.Enabled is { } enabled) rows = rows.Where(p => p.Enabled == enabled);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim().ToLowerInvariant();
            rows = rows.Where(p => p.Impi.Contains(text) || p.Subscription.Name.ToLower().Contains(text)
                || (p.Imsi != null && p.Imsi.Contains(text)) || (p.Msisdn != null && p.Msisdn.Contains(text))
                || p.Links.Any(l => l.PublicIdentity.Uri.ToLower().Contains(text)));
        }
        var total = await rows.CountAsync(cancellationToken);
        rows = (query.SortBy, query.Descending) switch
        {
            (SubscriberSort.Subscription, false) => rows.OrderBy(p => p.Subscription.Name).ThenBy(p => p.Impi),
            (SubscriberSort.Subscription, true) => rows.OrderByDescending(p => p.Subscription.Name).ThenByDescending(p => p.Impi),
            (SubscriberSort.Msisdn, false) => rows.OrderBy(p => p.Msisdn).ThenBy(p => p.Impi),
            (SubscriberSort.Msisdn, true) => rows.OrderByDescending(p => p.Msisdn).ThenByDescending(p => p.Impi),
            (SubscriberSort.CreatedAt, false) => rows.OrderBy(p => p.CreatedAt).ThenBy(p => p.Impi),
            (SubscriberSort.CreatedAt, true) => rows.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Impi),
            (_, true) => rows.OrderByDescending(p => p.Impi),
            _ => rows.OrderBy(p => p.Impi),
        };
        var skip = Math.Max(0, query.Skip);
        var take = Math.Clamp(query.Take, 1, SubscriberQuery.MaxTake);
        return new SubscriberPage(await ToViews(db, rows.Skip(skip).Take(take), cancellationToken), total, skip, take);
    }

    /// <summary>Replaces a subscriber (PUT). Secrets left null keep their stored values. The IMPI cannot change.</summary>
    public async Task<ProvisioningResult<SubscriberView>> ReplaceAsync(string impi, SubscriberInput input, string actor, CancellationToken cancellationToken)
    {
        await using var db = _contexts.CreateDbContext();
        var key = IdentityFormat.NormalizeImpi(impi);
        var existing = key is null ? null : await LoadTrackedAsync(db, key, cancellationToken);
        if (existing is null) return new ProvisioningResult<SubscriberView>.NotFound($"subscriber {impi}");
        var oldUris = existing.Links.Select(l => l.PublicIdentity.Uri).ToList();

        var (subscriber, errors) = _validator.Validate(input, existing);
        if (subscriber is null) return new ProvisioningResult<SubscriberView>.Invalid(errors);
        var lookup = await IdentityLookup.LoadAsync(db, [subscriber], cancellationToken);
        if (Stage(db, lookup, subscriber, existing) is { } failure) return Fail<SubscriberView>(failure);
        if (await SaveAsync(db, cancellationToken) is { } conflict) return conflict;

        Invalidate([existing.Impi], oldUris.Concat(subscriber.PublicIdentities.Select(p => p.Uri)));
        await _audit.RecordAsync(RegistrationEventType.SubscriberUpdated, actor, $"replaced {existing.Impi}", cancellationToken, existing.Impi);
        return new ProvisioningResult<SubscriberView>.Ok((await GetAsync(existing.Impi, cancellationToken))!);
    }

    /// <summary>Enable/disable, bar/unbar IMPUs, rotate keys, set or reset the SQN, change the password.</summary>
    public async Task<ProvisioningResult<SubscriberView>> PatchAsync(string impi, SubscriberPatch patch, string actor, CancellationToken cancellationToken)
    {
        await using var db = _contexts.CreateDbContext();
        var key = IdentityFormat.NormalizeImpi(impi);
        var existing = key is null ? null : await LoadTrackedAsync(db, key, cancellationToken);
        if (existing is null) return new ProvisioningResult<SubscriberView>.NotFound($"subscriber {impi}");

        var errors = new SubscriberValidator.Errors();
        var k = SubscriberValidator.Hex(errors, "k", patch.K, AkaLength.K);
        var op = SubscriberValidator.Hex(errors, "op", patch.Op, AkaLength.Op);
        var opc = SubscriberValidator.Hex(errors, "opc", patch.Opc, AkaLength.Opc);
        if (op is not null && opc is not null) errors.Add("op", "Give OP or OPc, not both.");
        var amf = SubscriberValidator.Hex(errors, "amf", patch.Amf, AkaLength.Amf);
        var sqn = SubscriberValidator.Hex(errors, "sqn", patch.Sqn, AkaLength.Sqn);
        if (patch.Password is { Length: 0 or > 256 }) errors.Add("password", "1 to 256 characters.");
        var links = existing.Links.ToDictionary(l => l.PublicIdentity.Uri, StringComparer.Ordinal);
        var barring = new List<(PublicIdentityEntity Identity, bool Barred)>();
        foreach (var (uri, barred) in patch.Barred ?? new Dictionary<string, bool>())
        {
            if (IdentityFormat.NormalizeImpu(uri) is { } normalized && links.TryGetValue(normalized, out var link)) barring.Add((link.PublicIdentity, barred));
            else errors.Add($"barred[{uri}]", "Not an IMPU of this subscriber.");
        }
        if (errors.Count > 0) return new ProvisioningResult<SubscriberView>.Invalid(errors.ToDictionary());

        var changes = new List<string>();
        if (patch.Enabled is { } enabled && enabled != existing.Enabled) { existing.Enabled = enabled; changes.Add(enabled ? "enabled" : "disabled"); }
        foreach (var (identity, barred) in barring)
        {
            if (identity.Barred == barred) continue;
            identity.Barred = barred;
            changes.Add($"{(barred ? "barred" : "unbarred")} {identity.Uri}");
        }
        if (k is not null) { existing.KCiphertext = _cipher.Encrypt(k, SecretContext.K(existing.Impi)); changes.Add("rotated K"); }
        if (op is not null) { existing.OpCiphertext = _cipher.Encrypt(op, SecretContext.Op(existing.Impi)); existing.OpcCiphertext = null; changes.Add("replaced OP"); }
        if (opc is not null) { existing.OpcCiphertext = _cipher.Encrypt(opc, SecretContext.Opc(existing.Impi)); existing.OpCiphertext = null; changes.Add("replaced OPc"); }
        if (amf is not null) { existing.Amf = amf; changes.Add("changed AMF"); }
        if (sqn is not null) { existing.Seq = SequenceNumber.Seq(SequenceNumber.Read(sqn), _validator.IndBits); changes.Add("set SQN"); }
        if (patch.Password is { } password)
        {
            var realm = existing.DigestRealm ?? _validator.DefaultRealmFor(existing.Impi);
            var (md5, sha256) = SubscriberValidator.Ha1(existing.Impi, realm, password);
            ApplyDigest(existing, realm, md5, sha256);
            changes.Add("changed password");
        }
        if (changes.Count == 0) return new ProvisioningResult<SubscriberView>.Ok((await GetAsync(existing.Impi, cancellationToken))!);

        existing.Version++;
        existing.UpdatedAt = _time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        Invalidate([existing.Impi], links.Keys);
        await _audit.RecordAsync(RegistrationEventType.SubscriberUpdated, actor, $"{existing.Impi}: {string.Join(", ", changes)}", cancellationToken, existing.Impi);
        return new ProvisioningResult<SubscriberView>.Ok((await GetAsync(existing.Impi, cancellationToken))!);
    }

    /// <summary>
    /// Deletes a subscriber after the registrar ended its live registrations (<see cref="ILiveRegistrationTerminator"/>);
    /// IMPUs no other IMPI uses and an emptied subscription go with it.
    /// </summary>
    public async Task<ProvisioningResult<SubscriberView>> DeleteAsync(string impi, string actor, CancellationToken cancellationToken)
    {
        var view = await GetAsync(impi, cancellationToken);
        if (view is null) return new ProvisioningResult<SubscriberView>.NotFound($"subscriber {impi}");
        foreach (var terminator in _terminators) await terminator.TerminateAsync(view.Impi, cancellationToken);

        await using (var db = _contexts.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var existing = await LoadTrackedAsync(db, view.Impi, cancellationToken);
            if (existing is null) return new ProvisioningResult<SubscriberView>.NotFound($"subscriber {impi}");
            foreach (var link in existing.Links.Where(l => l.PublicIdentity.Links.Count == 1)) db.PublicIdentities.Remove(link.PublicIdentity);
            db.PrivateIdentities.Remove(existing);
            if (!await db.PrivateIdentities.AnyAsync(p => p.SubscriptionId == existing.SubscriptionId && p.Id != existing.Id, cancellationToken))
            {
                db.Subscriptions.Remove(existing.Subscription);
            }
            await db.SaveChangesAsync(cancellationToken);
            // Bindings the terminator could not reach (no registrar in this process) must not outlive the subscriber.
            await db.RegistrationBindings.Where(b => b.Impi == existing.Impi).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        Invalidate([view.Impi], view.PublicIdentities.Select(p => p.Uri));
        await _audit.RecordAsync(RegistrationEventType.SubscriberDeleted, actor, $"deleted {view.Impi}", cancellationToken, view.Impi);
        return new ProvisioningResult<SubscriberView>.Ok(view);
    }

    /// <summary>
    /// Imports subscribers from CSV (header <see cref="SubscriberCsv.Header"/>) or a JSON array of
    /// <see cref="SubscriberInput"/>: all rows in one transaction, or none, with every problem reported by row.
    /// </summary>
    public async Task<ImportReport> ImportAsync(Stream content, SubscriberFileFormat format, string actor, CancellationToken cancellationToken)
    {
        var rows = new List<(int Row, SubscriberInput Input)>();
        var errors = new List<ImportRowError>();
        if (format == SubscriberFileFormat.Csv)
        {
            using var reader = new StreamReader(content, Encoding.UTF8, leaveOpen: true);
            foreach (var (row, input, rowErrors) in SubscriberCsv.Read(reader))
            {
                errors.AddRange(rowErrors);
                if (input is not null) rows.Add((row, input));
            }
        }
        else
        {
            try
            {
                var inputs = await JsonSerializer.DeserializeAsync<List<SubscriberInput>>(content, JsonOptions, cancellationToken) ?? [];
                rows.AddRange(inputs.Select((input, i) => (i + 1, input)));
            }
            catch (JsonException e)
            {
                errors.Add(ImportRowError.ForJson(0, e, "Not a JSON array of subscribers"));
            }
        }

        return await ImportRowsAsync(rows, errors, format.ToString(), actor, cancellationToken);
    }

    /// <summary>
    /// Imports subscribers the caller read itself (the REST API reads its own JSON shape): all in one transaction, or
    /// none, with every problem reported by row, including the <paramref name="readErrors"/> of rows it could not read.
    /// </summary>
    public Task<ImportReport> ImportAsync(IReadOnlyList<(int Row, SubscriberInput Input)> rows, IReadOnlyList<ImportRowError> readErrors,
        string source, string actor, CancellationToken cancellationToken) =>
        ImportRowsAsync([.. rows], [.. readErrors], source, actor, cancellationToken);

    private async Task<ImportReport> ImportRowsAsync(List<(int Row, SubscriberInput Input)> rows, List<ImportRowError> errors, string source,
        string actor, CancellationToken cancellationToken)
    {
        var validated = new List<(int Row, ValidatedSubscriber Subscriber)>();
        foreach (var (row, input) in rows)
        {
            var (subscriber, fieldErrors) = _validator.Validate(input, existing: null);
            if (subscriber is null) errors.AddRange(fieldErrors.SelectMany(f => f.Value.Select(m => new ImportRowError(row, input.Impi, f.Key, m))));
            else validated.Add((row, subscriber));
        }
        var total = rows.Count + errors.Count(e => e.Row > 0 && rows.All(r => r.Row != e.Row));
        if (errors.Count > 0) return Refused(total, errors);

        await using var db = _contexts.CreateDbContext();
        var lookup = await IdentityLookup.LoadAsync(db, validated.Select(v => v.Subscriber), cancellationToken);
        var firstRowOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, subscriber) in validated)
        {
            // A repeated IMPI is the file's mistake, not a clash with the database: say where it first appeared.
            if (!firstRowOf.TryAdd(subscriber.Impi, row))
            {
                errors.Add(new ImportRowError(row, subscriber.Impi, "impi",
                    $"IMPI {subscriber.Impi} appears again in this file (first in row {firstRowOf[subscriber.Impi]})."));
            }
            else if (Stage(db, lookup, subscriber, existing: null) is { } failure)
            {
                errors.Add(new ImportRowError(row, subscriber.Impi, failure.Field, failure.Message));
            }
        }
        if (errors.Count > 0) return Refused(total, errors);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await SaveAsync(db, cancellationToken) is ProvisioningResult<SubscriberView>.Conflict conflict)
            {
                return new ImportReport(total, 0, [new ImportRowError(0, null, conflict.Field, conflict.Message)]);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        _cache.Clear();
        foreach (var (_, subscriber) in validated) NotifyObservers(subscriber.Impi);
        await _audit.RecordAsync(RegistrationEventType.SubscribersImported, actor, $"imported {validated.Count} subscribers ({source})", cancellationToken);
        return new ImportReport(total, validated.Count, []);
    }

    /// <summary>
    /// Writes every subscriber as CSV or JSON (importable again). K, OP, OPc and HA1 values are written only when
    /// <paramref name="includeKeys"/> is true, which the API allows to admins only; the export is audited either way.
    /// </summary>
    public async Task ExportAsync(Stream output, SubscriberFileFormat format, bool includeKeys, string actor, CancellationToken cancellationToken)
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await using var json = format == SubscriberFileFormat.Json ? new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }) : null;
        if (json is not null) json.WriteStartArray();
        else await text.WriteLineAsync(SubscriberCsv.Header.AsMemory(), cancellationToken);

        await foreach (var input in ExportInputsAsync(format.ToString(), includeKeys, actor, cancellationToken))
        {
            if (json is not null) JsonSerializer.Serialize(json, input, JsonOptions);
            else await text.WriteLineAsync(SubscriberCsv.Line(input).AsMemory(), cancellationToken);
            if (json is { BytesPending: > 16 * 1024 }) await json.FlushAsync(cancellationToken);
        }
        if (json is not null)
        {
            json.WriteEndArray();
            await json.FlushAsync(cancellationToken);
        }
        await text.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Every subscriber as an importable <see cref="SubscriberInput"/>, by IMPI, read page by page (for callers that
    /// write their own format, like the REST API). Keys and HA1 values only when <paramref name="includeKeys"/>; audited
    /// with <paramref name="format"/> as soon as enumeration starts.
    /// </summary>
    public async IAsyncEnumerable<SubscriberInput> ExportInputsAsync(string format, bool includeKeys, string actor,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _audit.RecordAsync(RegistrationEventType.SubscribersExported, actor, $"exported subscribers ({format}, keys {(includeKeys ? "included" : "omitted")})", cancellationToken);
        var after = "";
        while (true)
        {
            List<PrivateIdentity> page;
            await using (var db = _contexts.CreateDbContext())
            {
                page = await db.PrivateIdentities.AsNoTracking().AsSplitQuery()
                    .Include(p => p.Subscription)
                    .Include(p => p.Links).ThenInclude(l => l.PublicIdentity).ThenInclude(i => i.ServiceProfile)
                    .Where(p => p.Impi.CompareTo(after) > 0)
                    .OrderBy(p => p.Impi).Take(ExportPageSize)
                    .ToListAsync(cancellationToken);
            }
            if (page.Count == 0) yield break;
            // A page is converted whole before any of it is handed out: a row that cannot be converted fails the export
            // before the first byte of a small one is sent, rather than cutting a 200 short in the middle.
            var inputs = page.ConvertAll(identity => ToInput(identity, includeKeys));
            foreach (var input in inputs) yield return input;
            after = page[^1].Impi;
        }
    }

    private SubscriberInput ToInput(PrivateIdentity p, bool includeKeys) => new()
    {
        Impi = p.Impi,
        Subscription = p.Subscription.Name,
        AllowedSchemes = p.AllowedSchemes,
        K = includeKeys ? HexOf(_cipher.DecryptOptional(p.KCiphertext, SecretContext.K(p.Impi))) : null,
        Op = includeKeys ? HexOf(_cipher.DecryptOptional(p.OpCiphertext, SecretContext.Op(p.Impi))) : null,
        Opc = includeKeys ? HexOf(_cipher.DecryptOptional(p.OpcCiphertext, SecretContext.Opc(p.Impi))) : null,
        Amf = HexOf(p.Amf),
        Sqn = SqnHex(p.Seq),
        Ha1Md5 = includeKeys ? HexOf(_cipher.DecryptOptional(p.Ha1Md5Ciphertext, SecretContext.Ha1Md5(p.Impi))) : null,
        Ha1Sha256 = includeKeys ? HexOf(_cipher.DecryptOptional(p.Ha1Sha256Ciphertext, SecretContext.Ha1Sha256(p.Impi))) : null,
        DigestRealm = p.DigestRealm,
        Imsi = p.Imsi,
        Msisdn = p.Msisdn,
        Enabled = p.Enabled,
        PublicIdentities = p.Links.Select(l => l.PublicIdentity).OrderBy(i => i.ImplicitSetId).ThenBy(i => i.Uri, StringComparer.Ordinal)
            .Select(i => new PublicIdentityInput { Uri = i.Uri, Barred = i.Barred, CanRegister = i.CanRegister, ImplicitSetId = i.ImplicitSetId, ServiceProfile = i.ServiceProfile?.Name })
            .ToList(),
        AllowedVisitedNetworks = p.Subscription.AllowedVisitedNetworksJson is null ? null : JsonText.ToList(p.Subscription.AllowedVisitedNetworksJson),
    };

    /// <summary>
    /// Puts a validated subscriber into the context (nothing is saved): joins or creates its subscription, creates or
    /// updates the IMPI and its IMPUs, links them, drops links (and orphaned IMPUs) no longer listed.
    /// </summary>
    private StageFailure? Stage(ImsLabDbContext db, IdentityLookup lookup, ValidatedSubscriber s, PrivateIdentity? existing)
    {
        var now = _time.GetUtcNow();
        if (existing is null && lookup.PrivateIdentities.ContainsKey(s.Impi)) return new StageFailure("impi", $"IMPI {s.Impi} already exists.", IsConflict: true);

        ImsSubscription subscription;
        if (existing is not null)
        {
            subscription = existing.Subscription;
            if (subscription.Name != s.Subscription)
            {
                if (lookup.Subscriptions.ContainsKey(s.Subscription)) return new StageFailure("subscription", $"Subscription {s.Subscription} already exists.", IsConflict: true);
                lookup.Subscriptions.Remove(subscription.Name);
                subscription.Name = s.Subscription;
                lookup.Subscriptions[s.Subscription] = subscription;
            }
        }
        else if (!lookup.Subscriptions.TryGetValue(s.Subscription, out subscription!))
        {
            subscription = new ImsSubscription { Id = Guid.NewGuid(), Name = s.Subscription, CreatedAt = now };
            db.Subscriptions.Add(subscription);
            lookup.Subscriptions[s.Subscription] = subscription;
        }
        subscription.AllowedVisitedNetworksJson = s.AllowedVisitedNetworks is null ? null : JsonText.FromList(s.AllowedVisitedNetworks);

        var identity = existing ?? new PrivateIdentity { Id = Guid.NewGuid(), Impi = s.Impi, Subscription = subscription, SubscriptionId = subscription.Id, CreatedAt = now };
        identity.AllowedSchemes = s.Schemes;
        identity.Amf = s.Amf;
        if (s.Seq is { } seq) identity.Seq = seq;
        identity.Imsi = s.Imsi;
        identity.Msisdn = s.Msisdn;
        identity.Enabled = s.Enabled;
        if (s.K is not null) identity.KCiphertext = _cipher.Encrypt(s.K, SecretContext.K(s.Impi));
        if (s.Op is not null) { identity.OpCiphertext = _cipher.Encrypt(s.Op, SecretContext.Op(s.Impi)); identity.OpcCiphertext = null; }
        if (s.Opc is not null) { identity.OpcCiphertext = _cipher.Encrypt(s.Opc, SecretContext.Opc(s.Impi)); identity.OpCiphertext = null; }
        if (s.Ha1Md5 is not null || s.Ha1Sha256 is not null) ApplyDigest(identity, s.DigestRealm!, s.Ha1Md5, s.Ha1Sha256);
        identity.Version++;
        identity.UpdatedAt = now;
        if (existing is null)
        {
            db.PrivateIdentities.Add(identity);
            lookup.PrivateIdentities[s.Impi] = identity;
        }

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < s.PublicIdentities.Count; i++)
        {
            var input = s.PublicIdentities[i];
            wanted.Add(input.Uri);
            Guid? profileId = null;
            if (input.ServiceProfile is { } profileName)
            {
                if (!lookup.ServiceProfiles.TryGetValue(profileName, out var id)) return new StageFailure($"publicIdentities[{i}].serviceProfile", $"No service profile named {profileName}.", IsConflict: false);
                profileId = id;
            }
            if (lookup.PublicIdentities.TryGetValue(input.Uri, out var impu))
            {
                // TS 23.008 3.5: an IMPU belongs to one IMS subscription; only IMPIs of that subscription may share it.
                if (impu.SubscriptionId != subscription.Id) return new StageFailure($"publicIdentities[{i}].uri", $"{input.Uri} belongs to another subscription.", IsConflict: true);
            }
            else
            {
                impu = new PublicIdentityEntity { Id = Guid.NewGuid(), Uri = input.Uri, SubscriptionId = subscription.Id, Subscription = subscription };
                db.PublicIdentities.Add(impu);
                lookup.PublicIdentities[input.Uri] = impu;
            }
            impu.Barred = input.Barred;
            impu.CanRegister = input.CanRegister;
            impu.ImplicitSetId = input.ImplicitSetId;
            impu.ServiceProfileId = profileId;
            if (!identity.Links.Any(l => l.PublicIdentityId == impu.Id))
            {
                var link = new PublicIdentityLink { PrivateIdentity = identity, PrivateIdentityId = identity.Id, PublicIdentity = impu, PublicIdentityId = impu.Id };
                identity.Links.Add(link);
                impu.Links.Add(link);
            }
        }
        foreach (var link in identity.Links.Where(l => !wanted.Contains(l.PublicIdentity.Uri)).ToList())
        {
            identity.Links.Remove(link);
            link.PublicIdentity.Links.Remove(link);
            db.PublicIdentityLinks.Remove(link);
            if (link.PublicIdentity.Links.Count == 0) db.PublicIdentities.Remove(link.PublicIdentity);
        }
        return null;
    }

    /// <summary>
    /// After a stored change: evicts the IMPIs and IMPUs from the registrar's cache and tells the SIP engine which IMPIs
    /// changed, so that neither a cached profile nor a reserved SEQ block outlives the change (an SQN reset must be
    /// honoured by the very next vector, TS 33.102 C.3).
    /// </summary>
    private void Invalidate(IReadOnlyCollection<string> impis, IEnumerable<string> impus)
    {
        _cache.Invalidate(impis, impus);
        foreach (var impi in impis) NotifyObservers(impi);
    }

    private void NotifyObservers(string impi)
    {
        foreach (var observer in _observers) observer.PrivateIdentityChanged(impi);
    }

    private void ApplyDigest(PrivateIdentity identity, string realm, byte[]? ha1Md5, byte[]? ha1Sha256)
    {
        identity.DigestRealm = realm;
        identity.Ha1Md5Ciphertext = _cipher.EncryptOptional(ha1Md5, SecretContext.Ha1Md5(identity.Impi));
        identity.Ha1Sha256Ciphertext = _cipher.EncryptOptional(ha1Sha256, SecretContext.Ha1Sha256(identity.Impi));
    }

    private static async Task<PrivateIdentity?> LoadTrackedAsync(ImsLabDbContext db, string impi, CancellationToken cancellationToken) =>
        await db.PrivateIdentities
            .Include(p => p.Subscription)
            .Include(p => p.Links).ThenInclude(l => l.PublicIdentity).ThenInclude(i => i.Links)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Impi == impi, cancellationToken);

    /// <summary>Saves; a unique-index violation (a concurrent create won the race) becomes a Conflict.</summary>
    private static async Task<ProvisioningResult<SubscriberView>?> SaveAsync(ImsLabDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            return new ProvisioningResult<SubscriberView>.Conflict("impi", "The IMPI, an IMPU or the subscription was created concurrently; retry.");
        }
    }

    private async Task<List<SubscriberView>> ToViews(ImsLabDbContext db, IQueryable<PrivateIdentity> rows, CancellationToken cancellationToken)
    {
        var raw = await rows.AsNoTracking().Select(p => new
        {
            p.Impi, p.SubscriptionId, Subscription = p.Subscription.Name, p.Enabled, p.AllowedSchemes,
            KSet = p.KCiphertext != null, OpSet = p.OpCiphertext != null, OpcSet = p.OpcCiphertext != null, p.Amf, p.Seq,
            PasswordSet = p.Ha1Md5Ciphertext != null || p.Ha1Sha256Ciphertext != null, p.DigestRealm, p.Imsi, p.Msisdn,
            Networks = p.Subscription.AllowedVisitedNetworksJson, p.Version, p.CreatedAt, p.UpdatedAt,
            Publics = p.Links.Select(l => new
            {
                l.PublicIdentity.Uri, l.PublicIdentity.Barred, l.PublicIdentity.CanRegister, l.PublicIdentity.ImplicitSetId,
                Profile = l.PublicIdentity.ServiceProfile != null ? l.PublicIdentity.ServiceProfile.Name : null,
            }).ToList(),
        }).ToListAsync(cancellationToken);
        // Who shares each IMPU, in a second query: correlating it inside the first needs APPLY, which SQLite lacks.
        var uris = raw.SelectMany(r => r.Publics.Select(p => p.Uri)).Distinct().ToList();
        var owners = (await db.PublicIdentityLinks.AsNoTracking().Where(l => uris.Contains(l.PublicIdentity.Uri))
                .Select(l => new { l.PublicIdentity.Uri, l.PrivateIdentity.Impi }).ToListAsync(cancellationToken))
            .ToLookup(o => o.Uri, o => o.Impi, StringComparer.Ordinal);
        return raw.ConvertAll(r => new SubscriberView
        {
            Impi = r.Impi, SubscriptionId = r.SubscriptionId, Subscription = r.Subscription, Enabled = r.Enabled, AllowedSchemes = r.AllowedSchemes,
            KSet = r.KSet, OpSet = r.OpSet, OpcSet = r.OpcSet, Amf = HexOf(r.Amf), Sqn = SqnHex(r.Seq), PasswordSet = r.PasswordSet,
            DigestRealm = r.DigestRealm, Imsi = r.Imsi, Msisdn = r.Msisdn,
            PublicIdentities = r.Publics.OrderBy(i => i.ImplicitSetId).ThenBy(i => i.Uri, StringComparer.Ordinal)
                .Select(i => new PublicIdentityView(i.Uri, i.Barred, i.CanRegister, i.ImplicitSetId, i.Profile,
                    owners[i.Uri].Where(o => o != r.Impi).Order(StringComparer.Ordinal).ToList()))
                .ToList(),
            AllowedVisitedNetworks = r.Networks is null ? null : JsonText.ToList(r.Networks),
            Version = r.Version, CreatedAt = r.CreatedAt, UpdatedAt = r.UpdatedAt,
        });
    }

    private string SqnHex(long seq)
    {
        // Shown, never thrown: the allocator keeps the counter within the SEQ space (TS 33.102 C.1.1), but a database
        // written before it did may hold a counter past the top; that subscriber is exhausted, and shows as such.
        seq = Math.Clamp(seq, 0, SequenceNumber.MaxSeq(_validator.IndBits));
        Span<byte> sqn = stackalloc byte[AkaLength.Sqn];
        SequenceNumber.Write(SequenceNumber.Compose(seq, 0, _validator.IndBits), sqn);
        return Convert.ToHexStringLower(sqn);
    }

    private static string? HexOf(byte[]? bytes) => bytes is null ? null : Convert.ToHexStringLower(bytes);

    private static ProvisioningResult<T> Fail<T>(StageFailure failure) => failure.IsConflict
        ? new ProvisioningResult<T>.Conflict(failure.Field, failure.Message)
        : new ProvisioningResult<T>.Invalid(new Dictionary<string, string[]> { [failure.Field] = [failure.Message] });

    private sealed record StageFailure(string Field, string Message, bool IsConflict);

    // In file order, whichever check found them: a reader fixes the file from the top.
    private static ImportReport Refused(int total, List<ImportRowError> errors) =>
        new(total, 0, errors.OrderBy(e => e.Row).ToList());
}
