using ImsLab.Sip.Subscribers;
using Microsoft.Extensions.Logging;

namespace ImsLab.Data.Provisioning;

/// <summary>
/// ImsLab:Demo:Seed=true: a few subscribers so a newcomer can register in the first minute. Idempotent: a
/// subscriber that exists is left as it is. Off by default: these keys are public.
/// </summary>
internal sealed partial class DemoSeeder(SubscriberProvisioningService provisioning, ILogger<DemoSeeder> logger)
{
    public const string Actor = "demo-seed";
    private const string Domain = "ims.mnc001.mcc001.3gppnetwork.org";

    internal static IReadOnlyList<SubscriberInput> Subscribers { get; } =
    [
        // TS 35.208 4.3 test set 1 (K, OP, AMF): the AKA calculator shows the published values for it.
        new()
        {
            Impi = $"001010000000001@{Domain}", Subscription = "demo-sim-1", AllowedSchemes = AuthScheme.AkaV1Md5 | AuthScheme.AkaV2Md5,
            K = "465b5ce8b199b49faa5f0a2ee238a6bc", Op = "cdc202d5123e20f62b6d676ac72cb318", Amf = "b9b9",
            Imsi = "001010000000001", Msisdn = "15550000001",
            PublicIdentities = [new() { Uri = $"sip:001010000000001@{Domain}" }, new() { Uri = "tel:+15550000001" }],
        },
        // For SIPp: its aka_K/aka_OP handling breaks on bytes 00, 0a, 0d, 5b and 5c (test set 1's K has 5b and 5c),
        // so this K, OP and AMF avoid them all.
        new()
        {
            Impi = $"001010000000002@{Domain}", Subscription = "demo-sim-2", AllowedSchemes = AuthScheme.AkaV1Md5 | AuthScheme.AkaV2Md5,
            K = "112233445566778899aabbccddeeff11", Op = "22334455667788991122334455667788", Amf = "b9b9",
            Imsi = "001010000000002", Msisdn = "15550000002",
            PublicIdentities = [new() { Uri = $"sip:001010000000002@{Domain}" }, new() { Uri = "tel:+15550000002" }],
        },
        new()
        {
            Impi = "alice", Subscription = "demo-alice", AllowedSchemes = AuthScheme.Md5 | AuthScheme.Sha256, Password = "alice-secret",
            PublicIdentities = [new() { Uri = $"sip:alice@{Domain}" }],
        },
        new()
        {
            Impi = "bob", Subscription = "demo-bob", AllowedSchemes = AuthScheme.Md5 | AuthScheme.Sha256, Password = "bob-secret",
            PublicIdentities = [new() { Uri = $"sip:bob@{Domain}" }],
        },
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var subscriber in Subscribers)
        {
            if (await provisioning.GetAsync(subscriber.Impi, cancellationToken) is not null) continue;
            var result = await provisioning.CreateAsync(subscriber, Actor, cancellationToken);
            if (result is ProvisioningResult<SubscriberView>.Created) Seeded(logger, subscriber.Impi);
            else throw new InvalidOperationException($"The demo subscriber {subscriber.Impi} could not be created: {result}");
        }
    }

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Demo seed: created subscriber {Impi}")]
    private static partial void Seeded(ILogger logger, string impi);
}
