using System.Collections.Concurrent;
using System.Diagnostics;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Events;
using ImsLab.Sip.Messages;
using ImsLab.Sip.RegEvent;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Registrar;

/// <summary>
/// The S-CSCF registrar with the I-CSCF checks folded in (TS 24.229 5.3.1.2 and 5.4.1, RFC 3261 10.3): identifies the
/// IMPI, checks the IMPU against the subscription, challenges in the schemes the IMPI allows, verifies, binds,
/// and answers 200 OK only once the binding is durable. The in-memory <see cref="RegistrationTable"/> is the run-time
/// truth; the database gets the same changes through the group-commit queue. No lock is held across an await.
/// </summary>
internal sealed partial class Registrar : IDisposable
{
    private static readonly SipUriComparerAdapter UriEquality = new();

    private readonly RegistrarOptions _options;
    private readonly ISubscriberDirectory _directory;
    private readonly DigestAuthenticator _authenticator;
    private readonly AkaVectorGenerator _vectors;
    private readonly SequenceNumberAllocator _sequenceNumbers;
    private readonly RegistrationTable _table;
    private readonly BindingCommitQueue _commits;
    private readonly RegEventNotifier _notifier;
    private readonly RegistrationEventBus _events;
    private readonly RegistrarMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ExpiryScheduler _expiry;
    private readonly BindingStringPool _strings = new();
    private readonly ConcurrentDictionary<string, int> _authFailures = new(StringComparer.OrdinalIgnoreCase);
    // When each IMPI last authenticated, as UTC ticks: a long is updated in place, where a DateTimeOffset value made the
    // dictionary allocate a new node on every successful registration.
    private readonly ConcurrentDictionary<string, long> _lastAuthenticated = new(StringComparer.OrdinalIgnoreCase);
    // IMPIs refused for an exhausted SQN space since their last vector: a UE retrying every few seconds logs one warning.
    private readonly ConcurrentDictionary<string, byte> _sqnExhausted = new(StringComparer.OrdinalIgnoreCase);

    public Registrar(RegistrarOptions options, ISubscriberDirectory directory, DigestAuthenticator authenticator, AkaVectorGenerator vectors,
        SequenceNumberAllocator sequenceNumbers, RegistrationTable table, BindingCommitQueue commits, RegEventNotifier notifier,
        RegistrationEventBus events, RegistrarMetrics metrics, TimeProvider time, ILogger logger)
    {
        _options = options;
        _directory = directory;
        _authenticator = authenticator;
        _vectors = vectors;
        _sequenceNumbers = sequenceNumbers;
        _table = table;
        _commits = commits;
        _notifier = notifier;
        _events = events;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _expiry = new ExpiryScheduler(time, OnBindingsDue);
    }

    public RegistrationTable Table => _table;

    /// <summary>
    /// Decides one REGISTER. Remote input never throws out of here: every problem becomes a response. The caller sends
    /// the response, then runs <see cref="RegisterOutcome.AfterResponse"/>.
    /// </summary>
    public async ValueTask<(SipResponse Response, Action? AfterResponse)> RegisterAsync(SipRequest request, SipFlow flow, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var receivedAt = _time.GetUtcNow();
        var (response, outcome) = await DecideAsync(request, flow, receivedAt, ct).ConfigureAwait(false);
        _metrics.RecordRegister(Stopwatch.GetElapsedTime(started));
        if (response.StatusCode >= 300)
        {
            if (response.StatusCode == 401)
            {
                _metrics.Challenged(outcome.Kind);
            }
            else
            {
                _metrics.Failed(outcome.Kind);
            }
            PublishStep(response.StatusCode == 401 ? RegistrationEventType.Challenged : RegistrationEventType.AuthenticationFailed,
                outcome, null, flow, SipTraces.Describe(response.StatusCode, response.ReasonPhrase) + Warning(response), request, response, receivedAt);
        }
        return (response, outcome.AfterResponse);
    }

    /// <summary>Start-up: stored bindings come back into the table with their expiry timers re-armed.</summary>
    public async Task LoadAsync(IBindingStore store, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await store.RemoveExpiredAsync(now, cancellationToken).ConfigureAwait(false);
        var bindings = await store.LoadActiveAsync(now, cancellationToken).ConfigureAwait(false);
        foreach (var group in bindings.GroupBy(b => b.Impu, StringComparer.OrdinalIgnoreCase))
        {
            var first = group.First();
            var profile = await _directory.FindByImpiAsync(first.Impi, cancellationToken).ConfigureAwait(false);
            var members = profile?.ImplicitRegistrationSet(group.Key) is { Count: > 0 } set
                ? set
                : [new PublicIdentity(group.Key, false, true, 0, null)];
            // One instance of each identity string per set, shared by the table key, the members and every binding,
            // instead of one per row and one per profile (a million contacts make that hundreds of megabytes).
            var impu = members.FirstOrDefault(m => string.Equals(m.Uri, group.Key, StringComparison.Ordinal))?.Uri ?? group.Key;
            var registration = _table.GetOrCreate(impu, members);
            var impi = profile?.Impi ?? first.Impi;
            var reloaded = group.Select(b => _strings.ShareStrings(b with
            {
                Impu = string.Equals(b.Impu, registration.RegisteredImpu, StringComparison.Ordinal) ? registration.RegisteredImpu : b.Impu,
                Impi = string.Equals(b.Impi, impi, StringComparison.Ordinal) ? impi : b.Impi,
                Flow = BindingFlows.FromEarlierRun(b.Flow),
            })).ToArray();
            lock (registration.Gate)
            {
                _table.SetBindings(registration, [.. registration.Bindings, .. reloaded]);
            }
            foreach (var binding in reloaded)
            {
                _expiry.Schedule(new ScheduledExpiry(binding.Impu, binding.Id, binding.ExpiresAt));
            }
        }
    }

    public void Dispose() => _expiry.Dispose();

    private async ValueTask<(SipResponse Response, RegisterOutcome Outcome)> DecideAsync(SipRequest request, SipFlow flow, DateTimeOffset now, CancellationToken ct)
    {
        if (request.To?.Uri is not { } toUri || ImpuNormalizer.Normalize(toUri) is not { } impu)
        {
            return (RegisterResponses.Error(request, 400, "To does not name a public identity"), new(null, null, "bad-request"));
        }
        if (request.CallId is null || request.CSeq is null)
        {
            return (RegisterResponses.Error(request, 400, "Missing Call-ID or CSeq"), new(null, impu, "bad-request"));
        }

        // RFC 3261 10.3 step 3 / TS 24.229 5.4.1.2.1: credentials, if any, name the IMPI.
        DigestCredentials? credentials = null;
        foreach (var value in request.Headers.GetAll(SipHeaderNames.Authorization))
        {
            var parsed = DigestCredentials.ParseAll(value);
            if (!parsed.IsSuccess)
            {
                return (RegisterResponses.Error(request, 400, "Malformed Authorization header (" + parsed.Error + (parsed.Parameter is null ? "" : ": " + parsed.Parameter) + ")"),
                    new(null, impu, "malformed-authorization"));
            }
            credentials ??= parsed.Value!.Count > 0 ? parsed.Value[0] : null;
        }

        // I-CSCF checks (TS 24.229 5.3.1.2, TS 29.228 6.1.1 UAR): who is this, and may they register this IMPU from there?
        SubscriberProfile? profile;
        if (credentials is { Username.Length: > 0 })
        {
            profile = await _directory.FindByImpiAsync(credentials.Username, ct).ConfigureAwait(false);
            if (profile is null)
            {
                return (Forbidden(request, "Unknown private identity"), new(credentials.Username, impu, "unknown-impi"));
            }
        }
        else if (_options.DeriveImpiFromImpu)
        {
            var lookup = await _directory.FindByImpuAsync(impu, ct).ConfigureAwait(false);
            switch (lookup.Outcome)
            {
                case ImpuLookupOutcome.NotFound:
                    return (Forbidden(request, "Unknown public identity"), new(null, impu, "unknown-impu"));
                case ImpuLookupOutcome.Ambiguous:
                    // TS 33.203 6.1.1: a shared IMPU cannot name its IMPI; the UE must send Authorization.
                    return (Forbidden(request, "Public identity is shared: send Authorization with the private identity"), new(null, impu, "ambiguous-impu"));
            }
            profile = lookup.Profile!;
        }
        else
        {
            return (Forbidden(request, "Authorization with the private identity is required"), new(null, impu, "no-impi"));
        }

        var impi = profile.Impi;
        var outcome = new RegisterOutcome(impi, impu, "refused");
        if (!profile.Enabled)
        {
            return (Forbidden(request, "Private identity is disabled"), outcome with { Kind = "disabled" });
        }
        var identity = profile.Find(impu);
        if (identity is null)
        {
            return (Forbidden(request, "Public identity does not belong to this private identity"), outcome with { Kind = "impu-not-owned" });
        }
        if (identity.Barred)
        {
            return (Forbidden(request, "Public identity is barred"), outcome with { Kind = "barred" });
        }
        if (!identity.CanRegister)
        {
            return (Forbidden(request, "Public identity may not be registered explicitly"), outcome with { Kind = "not-registrable" });
        }
        var visited = request.PVisitedNetworkIds is { Count: > 0 } visitedIds ? visitedIds[0] : null;
        if (!profile.Roaming.Allows(visited))
        {
            // TS 24.228 6.9.2: 403 with warn-code 312 (roaming not allowed from this network).
            return (RegisterResponses.Forbidden(request, _options.WarningAgent, "Roaming not allowed from this network", 312),
                outcome with { Kind = "roaming-not-allowed" });
        }

        var authentication = await AuthenticateAsync(request, flow, profile, impu, credentials, now, ct).ConfigureAwait(false);
        if (authentication is not null)
        {
            return authentication.Value;
        }
        return await BindAsync(request, flow, profile, impu, now).ConfigureAwait(false);
    }

    /// <summary>Null when the request may go on to binding; otherwise the 401/403/400 to send.</summary>
    private async ValueTask<(SipResponse, RegisterOutcome)?> AuthenticateAsync(SipRequest request, SipFlow flow, SubscriberProfile profile,
        string impu, DigestCredentials? credentials, DateTimeOffset now, CancellationToken ct)
    {
        var impi = profile.Impi;
        var outcome = new RegisterOutcome(impi, impu, "challenge");
        if (credentials is null || credentials.IsUnchallenged)
        {
            if (MayReregisterWithoutChallenge(request, flow, impi, impu, credentials, now))
            {
                return null;
            }
            return await ChallengeAsync(request, flow, profile, credentials, stale: false, outcome, ct).ConfigureAwait(false);
        }

        if (credentials.Algorithm is { } answered && !ChallengeAlgorithms.Allows(profile, answered))
        {
            // Only allowed algorithms are challenged, but the schemes may have changed since the challenge, or a client
            // may answer in another algorithm than the nonce's: the subscription decides.
            return (Forbidden(request, answered.ToWireName() + " is not allowed for this private identity"), outcome with { Kind = "algorithm-not-allowed" });
        }
        // An allowed algorithm has its secret provisioned; an unknown one is refused by the nonce's algorithm.
        var secret = SecretFor(profile, credentials.Algorithm);
        var result = _authenticator.Verify(credentials, request.Method, request.Body.Span, secret);
        switch (result.Status)
        {
            case DigestVerificationStatus.Success:
                _authFailures.TryRemove(impi, out _);
                _lastAuthenticated[impi] = now.UtcTicks;
                return null;
            case DigestVerificationStatus.WrongResponse:
                // The policy: a new challenge after each wrong response, 403 once MaxAuthFailures are used up.
                var failures = _authFailures.AddOrUpdate(impi, 1, static (_, n) => n + 1);
                if (failures >= _options.MaxAuthFailures)
                {
                    _authFailures.TryRemove(impi, out _);
                    return (Forbidden(request, "Authentication failed"), outcome with { Kind = "wrong-response" });
                }
                break;
            case DigestVerificationStatus.StaleNonce:
                return await ChallengeAsync(request, flow, profile, credentials, stale: true, outcome with { Kind = "stale" }, ct).ConfigureAwait(false);
            case DigestVerificationStatus.SyncFailure:
                // TS 33.102 6.3.5 / RFC 3310 3.4: move the SQN past the USIM's and challenge with a fresh vector.
                await _sequenceNumbers.ResynchronizeAsync(impi, result.SqnMs, ct).ConfigureAwait(false);
                PublishStep(RegistrationEventType.Resynchronized, new(impi, impu, "resync"), null, flow, "AUTS verified, SQN resynchronised",
                    request, null, now);
                break;
            case DigestVerificationStatus.MalformedCredentials:
                return (RegisterResponses.Error(request, 400, "Malformed credentials"), outcome with { Kind = "malformed-credentials" });
            case DigestVerificationStatus.ResynchronizationFailed:
                return (Forbidden(request, "AUTS did not verify"), outcome with { Kind = "resync-failed" });
            case DigestVerificationStatus.UsernameMismatch:
                return (Forbidden(request, "Username does not match the challenged identity"), outcome with { Kind = "username-mismatch" });
        }
        return await ChallengeAsync(request, flow, profile, credentials, stale: false, outcome with { Kind = result.Status.ToString() }, ct)
            .ConfigureAwait(false);
    }

    // TS 24.229 5.4.1.2.1: a re-REGISTER that the P-CSCF marks integrity-protected needs no new challenge, unless the
    // network asked for re-authentication (5.4.1.6); an unprotected one is challenged, or, by policy, accepted within a
    // window after the IMPI's last authentication.
    private bool MayReregisterWithoutChallenge(SipRequest request, SipFlow flow, string impi, string impu, DigestCredentials? credentials, DateTimeOffset now)
    {
        var registration = _table.Find(impu);
        if (registration is null)
        {
            return false;
        }
        RegistrationBinding[] bindings;
        lock (registration.Gate)
        {
            bindings = registration.Bindings;
        }
        var registeredByImpi = false;
        foreach (var binding in bindings)
        {
            if (string.Equals(binding.Impi, impi, StringComparison.OrdinalIgnoreCase))
            {
                if (binding.ReauthenticationRequired)
                {
                    return false;
                }
                registeredByImpi = true;
            }
        }
        if (!registeredByImpi)
        {
            return false;
        }
        var protectedByPcscf = credentials?.IntegrityProtected is IntegrityProtection.Yes or IntegrityProtection.TlsYes
            or IntegrityProtection.IpAssocYes or IntegrityProtection.AuthDone;
        if (protectedByPcscf && (_options.TrustedPcscfs.Count == 0 || _options.TrustedPcscfs.Contains(flow.Remote.Address)))
        {
            return true;
        }
        return _options.ReregistrationChallenge == ReregistrationChallenge.OutsideWindow
            && _lastAuthenticated.TryGetValue(impi, out var last)
            && now.UtcTicks - last < _options.ReauthenticationWindow.Ticks;
    }

    /// <summary>The 401 with fresh challenges (as <paramref name="outcome"/>), or the 403 saying why none can be made.</summary>
    private async ValueTask<(SipResponse, RegisterOutcome)> ChallengeAsync(SipRequest request, SipFlow flow, SubscriberProfile profile,
        DigestCredentials? credentials, bool stale, RegisterOutcome outcome, CancellationToken ct)
    {
        var algorithms = ChallengeAlgorithms.For(profile, credentials);
        if (algorithms.Length == 0)
        {
            return (Forbidden(request, "No authentication scheme provisioned"), outcome with { Kind = "no-scheme" });
        }
        // TS 24.229 5.4.1.2.1: ik/ck go to a P-CSCF (which builds the security association), never to a UE directly.
        var towardsPcscf = _options.TrustedPcscfs.Contains(flow.Remote.Address);
        // RFC 7616 3.9.1: each challenge has its own nonce, bound to its algorithm, so an answer is verified (and its
        // nonce-count tracked) in the algorithm the client picked, and cannot be replayed under the other one.
        var challenges = new string[algorithms.Length];
        for (var i = 0; i < algorithms.Length; i++)
        {
            var algorithm = algorithms[i];
            AkaVector? vector = null;
            string realm;
            if (algorithm.IsAka())
            {
                vector = await _vectors.TryGenerateAsync(profile.Impi, profile.Aka!, ct).ConfigureAwait(false);
                if (vector is null)
                {
                    return (SqnSpaceExhausted(request, profile.Impi), outcome with { Kind = "sqn-exhausted" });
                }
                // Read first: TryRemove takes a bucket lock even for a missing key, and this runs on every AKA challenge.
                if (_sqnExhausted.ContainsKey(profile.Impi))
                {
                    _sqnExhausted.TryRemove(profile.Impi, out _);
                }
                realm = _options.Realm ?? request.RequestUri.Host;
            }
            else
            {
                // The stored HA1 was computed for one realm: the challenge must name it.
                realm = profile.Digest!.Realm;
            }
            challenges[i] = _authenticator.CreateChallenge(profile.Impi, realm, algorithm, vector, towardsPcscf, stale).ToHeaderValue();
        }
        return (RegisterResponses.Unauthorized(request, challenges), outcome);
    }

    // TS 33.102 C.1.1: the HE never issues an SQN past 48 bits, so an IMPI whose stored SEQ reached the top gets no
    // vector. Nothing the UE can do helps (a resynchronisation only moves the SEQ up), hence 403 rather than 500, and a
    // Warning that tells the lab engineer what to do; the log says it once per IMPI until a vector is issued again.
    private SipResponse SqnSpaceExhausted(SipRequest request, string impi)
    {
        if (_sqnExhausted.TryAdd(impi, 0))
        {
            LogSqnSpaceExhausted(_logger, impi, _sequenceNumbers.IndBits);
        }
        else
        {
            LogSqnSpaceStillExhausted(_logger, impi);
        }
        return Forbidden(request, "SQN space of this IMPI is exhausted; reset its SQN");
    }

    private static DigestSecret? SecretFor(SubscriberProfile profile, DigestAlgorithm? algorithm) => algorithm switch
    {
        DigestAlgorithm.AkaV1Md5 or DigestAlgorithm.AkaV2Md5 => profile.Aka is { } aka ? DigestSecret.ForAka(aka) : null,
        DigestAlgorithm.Md5 or DigestAlgorithm.Md5Sess => profile.Digest?.Ha1Md5 is { } md5 ? DigestSecret.FromHa1(DigestHashFunction.Md5, md5) : null,
        DigestAlgorithm.Sha256 or DigestAlgorithm.Sha256Sess => profile.Digest?.Ha1Sha256 is { } sha ? DigestSecret.FromHa1(DigestHashFunction.Sha256, sha) : null,
        _ => null,
    };

    private async ValueTask<(SipResponse, RegisterOutcome)> BindAsync(SipRequest request, SipFlow flow, SubscriberProfile profile, string impu, DateTimeOffset now)
    {
        var outcome = new RegisterOutcome(profile.Impi, impu, "refused");
        if (request.HasWildcardContact && (request.Contacts.Count > 0 || request.Expires != 0))
        {
            // RFC 3261 10.3 step 6: "*" only alone and only with Expires: 0.
            return (RegisterResponses.Error(request, 400, "Wildcard Contact needs Expires: 0 and no other Contact"), outcome with { Kind = "bad-wildcard" });
        }
        var contacts = new List<RequestedContact>(request.Contacts.Count);
        foreach (var contact in request.Contacts)
        {
            contacts.Add(new RequestedContact(contact.Uri.ToString(), contact.Parameters.ToString(), contact.Expires ?? request.Expires,
                contact.Q, contact.InstanceId, contact.RegId, _strings.ShareAll(contact.FeatureTags)));
        }
        var members = profile.ImplicitRegistrationSet(impu);
        // The profile's instance of the IMPU string is kept by the set's members anyway: the bindings share it.
        impu = members.FirstOrDefault(m => string.Equals(m.Uri, impu, StringComparison.Ordinal))?.Uri ?? impu;
        var bindingRequest = new BindingRequest
        {
            Impu = impu,
            Impi = profile.Impi,
            Contacts = contacts,
            Wildcard = request.HasWildcardContact,
            CallId = request.CallId!,
            CSeq = request.CSeq!.Value.Number,
            Flow = BindingFlows.ToBindingFlow(flow, _strings),
            Path = _strings.ShareAll([.. request.Headers.GetAll(SipHeaderNames.Path)]),
            UserAgent = _strings.Share(request.Headers.GetFirst(SipHeaderNames.UserAgent)),
            AccessNetworkInfo = _strings.Share(request.Headers.GetFirst(SipHeaderNames.PAccessNetworkInfo)),
            VisitedNetwork = _strings.Share(request.PVisitedNetworkIds is { Count: > 0 } visited ? visited[0] : null),
            Now = now,
        };

        ImplicitSetRegistration registration;
        BindingUpdate update;
        RegistrationBinding[] previous;
        Task commit;
        while (true)
        {
            registration = _table.GetOrCreate(impu, members);
            lock (registration.Gate)
            {
                if (registration.Removed)
                {
                    continue;
                }
                // The profile builds the set anew for each REGISTER; keeping the stored list while it is the same
                // leaves the new one to die young instead of outliving the next collection with the registration.
                if (!registration.Members.SequenceEqual(members))
                {
                    registration.Members = members;
                }

                previous = registration.Bindings;
                update = BindingUpdate.Compute(previous, bindingRequest, _options, _options.ScscfUri, UriEquality.Equal);
                if (update.Outcome == BindingUpdateOutcome.Applied && update.Changes.Count > 0)
                {
                    _table.SetBindings(registration, update.Bindings);
                    // Queued under the gate so the database sees this set's changes in the order memory did.
                    commit = _commits.CommitAsync(update.Changes);
                }
                else
                {
                    commit = Task.CompletedTask;
                    if (update.Bindings.Length == 0 && previous.Length == 0)
                    {
                        _table.SetBindings(registration, []);
                    }
                }
            }
            break;
        }

        switch (update.Outcome)
        {
            case BindingUpdateOutcome.IntervalTooBrief:
                return (RegisterResponses.IntervalTooBrief(request, _options.MinExpiresSeconds), outcome with { Kind = "interval-too-brief" });
            case BindingUpdateOutcome.TooManyContacts:
                return (Forbidden(request, "Too many contacts for this public identity"), outcome with { Kind = "too-many-contacts" });
            case BindingUpdateOutcome.OutOfOrder:
                return (RegisterResponses.Error(request, 500, "Out of order CSeq for this Call-ID"), outcome with { Kind = "out-of-order" });
        }

        try
        {
            await commit.ConfigureAwait(false);
        }
        catch (Exception)
        {
            lock (registration.Gate)
            {
                // Undo in memory what the database refused, unless someone changed the set since.
                if (ReferenceEquals(registration.Bindings, update.Bindings) && !registration.Removed)
                {
                    _table.SetBindings(registration, previous);
                }
            }
            return (RegisterResponses.Error(request, 500, "Registration could not be stored"), outcome with { Kind = "store-failed" });
        }

        foreach (var change in update.ContactChanges)
        {
            if (!change.Terminated)
            {
                _expiry.Schedule(new ScheduledExpiry(impu, change.Binding.Id, change.Binding.ExpiresAt));
            }
        }
        var response = RegisterResponses.Ok(request, update.Bindings, members, _options.ScscfUri, now);
        var kind = KindOf(update);
        _metrics.Registered(kind);
        Action? notify = null;
        if (update.ContactChanges.Count > 0)
        {
            // Stamped now, with the table already changed: a SUBSCRIBE that the 200 OK prompts may be served before the
            // NOTIFYs go out, and its full state then holds this change already.
            var stamp = _notifier.StampChange();
            notify = () => _notifier.OnRegistrationChanged(members, update.Bindings, update.ContactChanges,
                update.Bindings.Length == 0 ? SubscriptionTerminationReason.NoResource : null, stamp);
        }
        var trace = _options.TraceSipMessages
            ? new[] { SipTraces.Received(request, flow, now), SipTraces.Sent(response, flow, _time.GetUtcNow()) }
            : null;
        foreach (var change in update.ContactChanges)
        {
            var type = change.Event switch
            {
                RegEvent.ContactEvent.Registered => RegistrationEventType.Registered,
                RegEvent.ContactEvent.Refreshed => RegistrationEventType.Refreshed,
                _ => RegistrationEventType.Deregistered,
            };
            Publish(type, profile.Impi, change.Binding.Impu, change.Binding.ContactUri, flow.ToString(), "200 OK", "ue", trace, now);
        }
        return (response, outcome with { Kind = kind, AfterResponse = notify });
    }

    private static string KindOf(BindingUpdate update)
    {
        if (update.ContactChanges.Count == 0)
        {
            return "query";
        }
        if (update.Bindings.Length == 0)
        {
            return "deregistration";
        }
        foreach (var change in update.ContactChanges)
        {
            if (change.Event == RegEvent.ContactEvent.Registered)
            {
                return "initial";
            }
        }
        return "refresh";
    }

    private void OnBindingsDue(IReadOnlyList<ScheduledExpiry> due)
    {
        var now = _time.GetUtcNow();
        foreach (var group in due.GroupBy(d => d.Key, StringComparer.OrdinalIgnoreCase))
        {
            var registration = _table.Find(group.Key);
            if (registration is null)
            {
                continue;
            }
            RemovedBindings? removed;
            lock (registration.Gate)
            {
                // A refresh moved the expiry later: its own entry will come; this one is stale.
                removed = RemoveBindings(registration, b => b.ExpiresAt <= now && group.Any(d => d.Id == b.Id), RegEvent.ContactEvent.Expired);
            }
            if (removed is not { } expired)
            {
                continue;
            }
            _ = ObserveCommitAsync(expired.Commit, group.Key);
            _notifier.OnRegistrationChanged(expired.Members, expired.Remaining, expired.Changes,
                expired.Remaining.Length == 0 ? SubscriptionTerminationReason.NoResource : null);
            foreach (var change in expired.Changes)
            {
                Publish(RegistrationEventType.Expired, change.Binding.Impi, change.Binding.Impu, change.Binding.ContactUri,
                    change.Binding.Flow.ToString(), "expired", "registrar", null, now);
            }
        }
    }

    /// <summary>
    /// Takes the bindings <paramref name="match"/> selects out of the set, queues their removal and says what went;
    /// null when nothing matched. The caller holds the set's gate.
    /// </summary>
    private RemovedBindings? RemoveBindings(ImplicitSetRegistration registration, Func<RegistrationBinding, bool> match, RegEvent.ContactEvent contactEvent)
    {
        if (registration.Removed)
        {
            return null;
        }
        var removed = new List<ContactChange>();
        var changes = new List<BindingChange>();
        var kept = new List<RegistrationBinding>(registration.Bindings.Length);
        foreach (var binding in registration.Bindings)
        {
            if (match(binding))
            {
                removed.Add(new ContactChange(binding, contactEvent));
                changes.Add(new BindingChange.Remove(binding.Id));
            }
            else
            {
                kept.Add(binding);
            }
        }
        if (removed.Count == 0)
        {
            return null;
        }
        var members = registration.Members;
        RegistrationBinding[] remaining = [.. kept];
        _table.SetBindings(registration, remaining);
        return new RemovedBindings(members, remaining, removed, _commits.CommitAsync(changes));
    }

    private readonly record struct RemovedBindings(IReadOnlyList<PublicIdentity> Members, RegistrationBinding[] Remaining,
        List<ContactChange> Changes, Task Commit);

    private async Task ObserveCommitAsync(Task commit, string impu)
    {
        try
        {
            await commit.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The bindings are gone from memory already; the store keeps the stale rows until RemoveExpiredAsync.
            LogExpiryCommitFailed(_logger, impu, exception);
        }
    }

    private SipResponse Forbidden(SipRequest request, string text) => RegisterResponses.Forbidden(request, _options.WarningAgent, text);

    private static string Warning(SipResponse response) =>
        response.Headers.GetFirst(SipHeaderNames.Warning) is { } warning ? " (" + warning + ")" : "";

    private void PublishStep(RegistrationEventType type, RegisterOutcome outcome, string? contact, SipFlow flow, string reason,
        SipRequest request, SipResponse? response, DateTimeOffset at)
    {
        IReadOnlyList<SipTraceEntry>? trace = null;
        if (_options.TraceSipMessages)
        {
            trace = response is null
                ? [SipTraces.Received(request, flow, at)]
                : [SipTraces.Received(request, flow, at), SipTraces.Sent(response, flow, _time.GetUtcNow())];
        }
        Publish(type, outcome.Impi, outcome.Impu, contact, flow.ToString(), reason, "ue", trace, at);
    }

    private Guid Publish(RegistrationEventType type, string? impi, string? impu, string? contact, string? flow, string reason, string actor,
        IReadOnlyList<SipTraceEntry>? trace, DateTimeOffset at)
    {
        var id = Guid.CreateVersion7(at);
        _events.Publish(new RegistrationEvent
        {
            Id = id,
            OccurredAt = at,
            Type = type,
            Impi = impi,
            Impu = impu,
            Contact = contact,
            Flow = flow,
            Reason = reason,
            Actor = actor,
            SipTrace = trace,
        });
        return id;
    }

    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning, Message = "Removing expired bindings of {Impu} from the store failed")]
    private static partial void LogExpiryCommitFailed(ILogger logger, string impu, Exception exception);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Warning, Message = "REGISTER of {Impi} refused with 403: its SQN space is exhausted "
        + "(the stored SEQ is the highest a 48-bit SQN with {IndBits} IND bits can carry, TS 33.102 C.1.1), so no AKA vector can be issued. "
        + "Reset its SQN (PATCH /api/subscribers/<impi> with auth.sqn), and the USIM's too: a resynchronisation moves it back up to the USIM's")]
    private static partial void LogSqnSpaceExhausted(ILogger logger, string impi, int indBits);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Debug, Message = "REGISTER of {Impi} refused again: its SQN space is still exhausted")]
    private static partial void LogSqnSpaceStillExhausted(ILogger logger, string impi);

    // RFC 3261 19.1.4 comparison of the stored contact URI text with a new one.
    private sealed class SipUriComparerAdapter
    {
        public bool Equal(string stored, string received) =>
            string.Equals(stored, received, StringComparison.Ordinal)
            || (SipUri.TryParse(stored, out var a) && SipUri.TryParse(received, out var b) && a.Equals(b));
    }
}
