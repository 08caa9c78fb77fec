using System.Diagnostics;
using System.Globalization;
using System.Net;
using ImsLab.Sip;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImsLab.Benchmarks.Memory;

/// <summary>
/// How much memory N registered contacts cost the server (issue target: 1,000,000 in under 2 GB). The engine is
/// built as the host builds it and reloads N realistic bindings (IMS contact parameters, Path, P-Access-Network-Info,
/// User-Agent, a flow each, every string a fresh instance as a parser or the store hands it out) through the same
/// start-up path as a restart, next to a full subscriber cache (its default capacity, 100,000 profiles). Run with
/// <c>dotnet run -c Release --project ImsLab.Benchmarks -- memory 1000000</c>.
/// </summary>
internal static class RegisteredContactsMemoryProbe
{
    private const int SubscriberCacheCapacity = 100_000;

    public static async Task<int> RunAsync(int count)
    {
        var baseline = Measure();
        var cache = Enumerable.Range(0, SubscriberCacheCapacity).Select(GeneratedSubscriberDirectory.Profile).ToDictionary(p => p.Impi);
        var afterProfiles = Measure();
        var directory = new GeneratedSubscriberDirectory();

        var options = new ImsLabSipEngineOptions();
        options.Registrar.ScscfUri = "sip:scscf.ims.mnc001.mcc001.3gppnetwork.org";
        options.Stack.Transport.Listeners.Add(new SipListenerOptions { Protocol = SipTransportProtocol.Udp, Address = IPAddress.Loopback, Port = 0 });
        var clock = Stopwatch.StartNew();
        await using var engine = new ImsLabSipEngine(options, TimeProvider.System, NullLoggerFactory.Instance, directory,
            new GeneratedBindingStore(count), new NoSubscriptions(), new NoSequenceNumbers());
        await engine.StartAsync(CancellationToken.None);
        var loadTime = clock.Elapsed;
        var afterBindings = Measure();
        // The GC hands freed regions back to the OS gradually after the reload's garbage; read the settled size too.
        await Task.Delay(TimeSpan.FromSeconds(20));
        var settled = Measure();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"registered contacts      {engine.RegisteredContacts:N0} (loaded in {loadTime.TotalSeconds:F1} s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"managed heap, empty      {Mb(baseline.Heap)} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"+ subscriber cache       {Mb(afterProfiles.Heap - baseline.Heap)} MB ({SubscriberCacheCapacity:N0} profiles)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"+ registered contacts    {Mb(afterBindings.Heap - afterProfiles.Heap)} MB ({(afterBindings.Heap - afterProfiles.Heap) / Math.Max(1, count)} B per contact)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"managed heap, total      {Mb(afterBindings.Heap)} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process working set      {Mb(afterBindings.WorkingSet)} MB after the reload, {Mb(settled.WorkingSet)} MB 20 s later"));
        GC.KeepAlive(cache);
        return 0;
    }

    private static (long Heap, long WorkingSet) Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64);
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture);

    internal static string Impi(int n) => string.Create(CultureInfo.InvariantCulture, $"00101{n:D10}@ims.mnc001.mcc001.3gppnetwork.org");

    internal static string Impu(int n) => string.Create(CultureInfo.InvariantCulture, $"sip:00101{n:D10}@ims.mnc001.mcc001.3gppnetwork.org");

    internal static string Tel(int n) => string.Create(CultureInfo.InvariantCulture, $"tel:+1555{n:D7}");

    /// <summary>
    /// Subscriber n: an IMPI with AKA keys and a SIP + tel implicit set, built on demand as the database would return
    /// it (the real cache keeps at most its capacity of them, measured separately).
    /// </summary>
    private sealed class GeneratedSubscriberDirectory : ISubscriberDirectory
    {
        private static readonly AkaCredentials Keys = AkaCredentials.FromOpc(
            Convert.FromHexString("465b5ce8b199b49faa5f0a2ee238a6bc"), Convert.FromHexString("cd63cb71954a9f4e48a5994e37a02baf"),
            Convert.FromHexString("8000"));

        public static SubscriberProfile Profile(int n) => new()
        {
            Impi = Impi(n),
            SubscriptionId = Guid.NewGuid(),
            SubscriptionName = Impi(n),
            Enabled = true,
            AllowedSchemes = AuthScheme.AkaV1Md5,
            Aka = Keys,
            PublicIdentities = [new PublicIdentity(Impu(n), false, true, 1, "mmtel"), new PublicIdentity(Tel(n), false, true, 1, "mmtel")],
            Roaming = RoamingPolicy.Any,
            Version = 1,
        };

        public ValueTask<SubscriberProfile?> FindByImpiAsync(string impi, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Number(impi) is { } n ? Profile(n) : null);

        public ValueTask<ImpuLookupResult> FindByImpuAsync(string impu, CancellationToken cancellationToken)
        {
            // sip:00101<n>@... and its IMPI differ only by the scheme.
            var profile = impu.StartsWith("sip:", StringComparison.Ordinal) && Number(impu[4..]) is { } n ? Profile(n) : null;
            return ValueTask.FromResult(profile is null ? ImpuLookupResult.NotFound : new ImpuLookupResult(ImpuLookupOutcome.Found, profile, [profile.Impi]));
        }

        private static int? Number(string impi) =>
            impi.Length > 15 && impi.StartsWith("00101", StringComparison.Ordinal)
                && int.TryParse(impi.AsSpan(5, 10), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>Hands out N bindings as PostgreSQL would after a restart, built on the fly so that the store keeps none.</summary>
    private sealed class GeneratedBindingStore(int count) : IBindingStore
    {
        public Task ApplyAsync(IReadOnlyList<BindingChange> changes, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<IReadOnlyList<RegistrationBinding>> LoadActiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            var bindings = new RegistrationBinding[count];
            for (var n = 0; n < count; n++)
            {
                var address = string.Create(CultureInfo.InvariantCulture, $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");
                var imei = string.Create(CultureInfo.InvariantCulture, $"urn:gsma:imei:35396707-{n:D6}-0");
                bindings[n] = new RegistrationBinding
                {
                    Id = Guid.CreateVersion7(now),
                    Impu = Impu(n),
                    Impi = Impi(n),
                    ContactUri = string.Create(CultureInfo.InvariantCulture, $"sip:00101{n:D10}@{address}:5060"),
                    ContactParameters = $";+sip.instance=\"<{imei}>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";+g.3gpp.smsip;reg-id=1",
                    ExpiresAt = now.AddSeconds(600_000 + (n % 3600)),
                    InstanceId = $"<{imei}>",
                    RegId = 1,
                    FeatureTags = [Fresh("+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\""), Fresh("+g.3gpp.smsip")],
                    Path = [Fresh("<sip:term@pcscf1.visited1.net;lr>")],
                    Flow = new BindingFlow("UDP", address, 5060, Fresh("10.255.0.1"), 5060, 0),
                    CallId = string.Create(CultureInfo.InvariantCulture, $"{n:x8}-apb03a0s09dkjdfglkj49111"),
                    CSeq = 2,
                    UserAgent = Fresh("Samsung IMS 6.0"),
                    AccessNetworkInfo = Fresh("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=001010000000001"),
                    ScscfUri = Fresh("sip:scscf.ims.mnc001.mcc001.3gppnetwork.org"),
                    RegisteredAt = now,
                    RefreshedAt = now,
                };
            }
            return Task.FromResult<IReadOnlyList<RegistrationBinding>>(bindings);
        }

        // A store (or the parser) hands out a new string per row even when the text repeats.
        private static string Fresh(string text) => new(text.AsSpan());
    }

    private sealed class NoSubscriptions : IRegEventSubscriptionStore
    {
        public Task UpsertAsync(RegEventSubscription subscription, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RemoveAsync(Guid subscriptionId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<RegEventSubscription>> LoadActiveAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RegEventSubscription>>([]);
    }

    private sealed class NoSequenceNumbers : ISequenceNumberStore
    {
        public ValueTask<long?> ReserveSeqAsync(string impi, int count, long maxSeq, CancellationToken ct) => ValueTask.FromResult<long?>(0L);

        public ValueTask AdvanceSeqAsync(string impi, long seqMs, CancellationToken ct) => ValueTask.CompletedTask;
    }
}
